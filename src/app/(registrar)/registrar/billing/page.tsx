/** Every reseller's balance, held amount, credit limit and tier, with the way to adjust each. */
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { buttonClasses } from "@/components/button";
import { formatMoney } from "@/lib/money";
import { requireContext } from "@/server/auth/require-context";
import { listResellerBalances } from "@/server/billing/update-billing-settings";

export const metadata: Metadata = { title: "Reseller balances" };

export default async function RegistrarBillingPage() {
  const ctx = await requireContext("registrar", { next: "/registrar/billing" });
  const rows = await listResellerBalances(ctx);
  return (
    <>
      <PageHeader
        title="Reseller balances"
        description="Prepaid balances, amounts held for orders in progress, and credit limits. Open a reseller to credit or debit its balance."
        actions={
          <>
            <Link href="/registrar/billing/ledger" className={buttonClasses("secondary")}>
              Verify the ledger
            </Link>
            <Link href="/registrar/tiers" className={buttonClasses("secondary")}>
              Wholesale tiers
            </Link>
          </>
        }
      />
      <DataTable
        caption="Reseller balances"
        headers={["Reseller", "Status", "Tier", "Available", "Held", "Credit limit", "Can spend"]}
        empty={rows.length === 0 ? <EmptyState title="No resellers yet" /> : undefined}
      >
        {rows.map((r) => {
          const fmt = (n: number) => formatMoney(n, r.currency, r.locale);
          const low = r.hasBilling && r.available < r.threshold;
          return (
            <tr key={r.id}>
              <Td>
                <Link
                  href={`/registrar/billing/${r.id}`}
                  className="font-medium text-indigo-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-700"
                >
                  {r.displayName}
                </Link>
                <span className="block text-xs text-slate-600">
                  {r.slug} · {r.currency}
                </span>
              </Td>
              <Td>
                <StatusBadge status={r.status} />
              </Td>
              <Td>{r.tier ?? <span className="text-slate-600">No billing yet</span>}</Td>
              <Td className={`tabular-nums ${r.available < 0 ? "text-red-800" : ""}`}>
                {fmt(r.available)}
                {low && (
                  <span className="ml-2">
                    <StatusBadge status="low" tone="amber">
                      Low
                    </StatusBadge>
                  </span>
                )}
              </Td>
              <Td className="tabular-nums">{fmt(r.held)}</Td>
              <Td className="tabular-nums">{fmt(r.creditLimit)}</Td>
              <Td className="tabular-nums font-semibold">{fmt(r.available + r.creditLimit)}</Td>
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}
