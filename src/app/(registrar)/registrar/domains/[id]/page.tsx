/** One domain for registrar staff: registration, lifecycle and the full registry history (read-only). */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, DetailList } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { isAppError } from "@/server/errors";
import { getDomainDetail } from "@/server/domains/queries/get-domain-detail";
import { DomainStateBadge } from "@/app/(console)/console/domains/_components/domain-state-badge";
import { HistoryTable } from "@/app/(console)/console/domains/_components/history-table";
import { loadRegistrar } from "../../_lib/registrar-session";

export const metadata: Metadata = { title: "Domain" };

export default async function RegistrarDomainPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx } = await loadRegistrar();
  const d = await getDomainDetail(ctx, (await params).id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <>
      <PageHeader
        title={d.domain.unicodeName}
        description={
          <>
            State <DomainStateBadge state={d.domain.state} /> · reseller {d.reseller.displayName}
          </>
        }
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/registrar/domains">
            All domains
          </Link>
        }
      />
      <Card title="Registration" className="mb-6">
        <DetailList
          items={[
            { label: "Reseller", value: d.reseller.displayName },
            { label: "Customer", value: d.registrant ? `${d.registrant.name} (${d.registrant.email})` : "—" },
            { label: "Expires", value: d.domain.expiresAt?.toISOString().slice(0, 10) ?? "—" },
            { label: "Registry statuses", value: d.domain.registryStatuses.join(", ") || "—" },
            { label: "Name servers", value: d.domain.nameservers.join(", ") || "—" },
            { label: "Auto-renew", value: d.domain.autoRenew ? "on" : "off" },
            {
              label: "Last reconciled",
              value: d.domain.lastSyncedAt?.toISOString().replace("T", " ").slice(0, 16) ?? "never",
            },
          ]}
        />
      </Card>
      <h2 className="mb-3 text-lg font-semibold text-slate-900">History</h2>
      <HistoryTable operations={d.operations} audience="staff" />
    </>
  );
}
