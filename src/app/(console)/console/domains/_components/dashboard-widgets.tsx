/** The console dashboard's domain widgets: sales chart, expiring soon, failures, balance. */
import Link from "next/link";
import { Card } from "@/components/card";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { readBalance } from "@/server/billing/get-balance";
import { moneyFormatOf } from "@/server/billing/money-format-of";
import { formatMoney } from "@/lib/money";
import { dashboardStats } from "@/server/domains/queries/dashboard-stats";
import { SalesChart } from "./sales-chart";

function Figure({
  label,
  value,
  href,
  tone = "slate",
}: {
  label: string;
  value: string;
  href: string;
  tone?: "slate" | "red" | "amber";
}) {
  const colour = tone === "red" ? "text-red-800" : tone === "amber" ? "text-amber-800" : "text-slate-900";
  return (
    <Link
      href={href}
      className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      <span className="block text-sm text-slate-600">{label}</span>
      <span className={`mt-1 block text-2xl font-semibold ${colour}`}>{value}</span>
    </Link>
  );
}

export async function DomainDashboardWidgets({ ctx, resellerId }: { ctx: ActorContext; resellerId: string }) {
  const [stats, balance, { locale }] = await Promise.all([
    dashboardStats(ctx, resellerId),
    readBalance(db, resellerId).catch(() => null),
    moneyFormatOf(resellerId),
  ]);
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <Figure
          label="Expiring in 30 days"
          value={String(stats.expiringSoon)}
          href="/console/domains?within=30"
          tone={stats.expiringSoon ? "amber" : "slate"}
        />
        <Figure
          label="Failed items (7 days)"
          value={String(stats.failures)}
          href="/console/orders?failed=1"
          tone={stats.failures ? "red" : "slate"}
        />
        <Figure
          label="Available balance"
          value={balance ? formatMoney(balance.spendable, balance.currency, locale) : "—"}
          href="/console/billing"
        />
      </div>
      <Card
        title="Sales and renewals"
        description={`Retail value of completed order items per day, last 30 days, in ${stats.currency}.`}
      >
        <SalesChart series={stats.series} currency={stats.currency} />
      </Card>
    </div>
  );
}
