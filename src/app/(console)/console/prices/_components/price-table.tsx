/** Wholesale, retail and margin per product and operation, with below-wholesale rows flagged. */
import { DataTable, Td } from "@/components/data-table";
import { StatusBadge } from "@/components/status-badge";
import { formatMoney } from "@/lib/money";
import type { PriceRow } from "@/server/pricing/list-price-table";

const SOURCE: Record<PriceRow["source"], string> = {
  markup: "Markup",
  override: "Your price",
  promotion: "Promotion",
  premium: "Premium",
};

export function PriceTable({ rows, currency, locale }: { rows: PriceRow[]; currency: string; locale: string }) {
  const fmt = (n: number) => formatMoney(n, currency, locale);
  return (
    <DataTable
      caption="Wholesale and retail prices per year"
      headers={["Product", "Operation", "Wholesale", "Retail", "Margin", "Price from"]}
    >
      {rows.map((r) => (
        <tr key={`${r.productId}:${r.operation}`} className={r.belowWholesale ? "bg-red-50" : undefined}>
          <Td className="font-medium">{r.name}</Td>
          <Td className="capitalize">{r.operation}</Td>
          <Td className="tabular-nums">{fmt(r.wholesale)}</Td>
          <Td className="tabular-nums font-semibold">{fmt(r.retail)}</Td>
          <Td className={`tabular-nums ${r.belowWholesale ? "font-semibold text-red-800" : ""}`}>
            {fmt(r.margin)}
            {r.belowWholesale && (
              <span className="ml-2">
                <StatusBadge status="below" tone="red">
                  Below wholesale
                </StatusBadge>
              </span>
            )}
          </Td>
          <Td>
            {SOURCE[r.source]}
            {r.label && <span className="block text-xs text-slate-600">{r.label}</span>}
            {r.upcomingPromotion && (
              <span className="block text-xs text-slate-600">
                Promotion from {r.upcomingPromotion.startsAt.toISOString().slice(0, 10)}:{" "}
                {fmt(r.upcomingPromotion.amount)}
              </span>
            )}
          </Td>
        </tr>
      ))}
    </DataTable>
  );
}
