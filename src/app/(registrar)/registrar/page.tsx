/** Registrar overview: what needs attention (pending applications, suspended resellers). */
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { countPendingApplications } from "@/server/tenancy/list-reseller-applications";
import { listResellers } from "@/server/tenancy/list-resellers";
import { loadRegistrar } from "./_lib/registrar-session";

export const metadata: Metadata = { title: "Overview" };

export default async function RegistrarOverview() {
  const { ctx } = await loadRegistrar();
  const [pending, active, suspended] = await Promise.all([
    countPendingApplications(ctx),
    listResellers(ctx, { status: "active", pageSize: 1 }),
    listResellers(ctx, { status: "suspended", pageSize: 1 }),
  ]);
  const tiles = [
    {
      label: "Applications waiting",
      value: pending,
      href: "/registrar/applications",
      tone: pending > 0 ? "text-amber-800" : "text-slate-900",
    },
    {
      label: "Active resellers",
      value: active.total,
      href: "/registrar/resellers?status=active",
      tone: "text-slate-900",
    },
    {
      label: "Suspended resellers",
      value: suspended.total,
      href: "/registrar/resellers?status=suspended",
      tone: suspended.total > 0 ? "text-red-800" : "text-slate-900",
    },
  ];
  return (
    <>
      <PageHeader title="Overview" description="Resellers, applications and the audit trail of this deployment." />
      <ul className="grid gap-4 sm:grid-cols-3">
        {tiles.map((t) => (
          <li key={t.label}>
            <Link
              href={t.href}
              className="block rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-indigo-300"
            >
              <span className={`block text-3xl font-semibold ${t.tone}`}>{t.value}</span>
              <span className="mt-1 block text-sm text-slate-700">{t.label}</span>
            </Link>
          </li>
        ))}
      </ul>
      <Card
        title="Audit trail"
        className="mt-6"
        description="Every change of state is recorded with who made it, before and after, in a hash chain."
      >
        <Link href="/registrar/audit" className="text-sm font-medium text-indigo-700 underline underline-offset-4">
          Open the audit log and verify the chain
        </Link>
      </Card>
    </>
  );
}
