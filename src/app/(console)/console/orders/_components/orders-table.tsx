/** Orders, those that need someone first; shared by the reseller and registrar consoles. */
import Link from "next/link";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { StatusBadge } from "@/components/status-badge";
import { DateTime } from "@/components/date-time";
import { toUnicodeName } from "@/lib/domain-name";
import { formatMoney } from "@/lib/money";
import { orderItemKindWords, orderItemStateLabel, orderSummaryWords } from "@/lib/order-item-words";
import { shortOrderNumber } from "@/lib/order-number";
import type { OrderRow } from "@/server/domains/queries/list-orders";

function OrderOutcome({ row }: { row: OrderRow }) {
  const summary = orderSummaryWords(row.lines.map((l) => l.state));
  return (
    <StatusBadge status="order" tone={summary.tone}>
      {summary.label}
    </StatusBadge>
  );
}

export function OrdersTable({
  rows,
  showReseller = false,
  attentionHref,
}: {
  rows: OrderRow[];
  showReseller?: boolean;
  /** The console's list of items waiting for a decision; orders with a parked item link to it. */
  attentionHref?: string;
}) {
  return (
    <DataTable
      caption="Orders, those that need someone first"
      headers={["Order", "Placed", ...(showReseller ? ["Reseller"] : []), "Items", "Retail", "Wholesale", "Outcome"]}
      empty={rows.length ? undefined : <EmptyState title="No orders yet." />}
    >
      {rows.map((o) => (
        <tr key={o.id} className={o.failed ? "bg-red-50/60" : o.parked ? "bg-amber-50/60" : undefined}>
          <Td className="font-medium whitespace-nowrap">{shortOrderNumber(o.id)}</Td>
          <Td className="whitespace-nowrap">
            <DateTime value={o.createdAt} />
          </Td>
          {showReseller && <Td>{o.resellerName}</Td>}
          <Td className="max-w-md break-words">
            {o.lines
              .map(
                (l) =>
                  `${orderItemKindWords(l.kind)} ${toUnicodeName(l.subject)} (${orderItemStateLabel(l.state, "staff")})`,
              )
              .join(", ")}
          </Td>
          <Td className="whitespace-nowrap">{formatMoney(o.retailTotal, o.currency)}</Td>
          <Td className="whitespace-nowrap">{formatMoney(o.wholesaleTotal, o.currency)}</Td>
          <Td>
            {o.failed ? (
              <StatusBadge status="failed">{o.failed} could not be completed</StatusBadge>
            ) : o.parked ? (
              <StatusBadge status="parked" tone="amber">
                {o.parked} {orderItemStateLabel("parked", "staff").toLowerCase()}
              </StatusBadge>
            ) : (
              <OrderOutcome row={o} />
            )}
            {o.parked > 0 && attentionHref && (
              <Link className="mt-1 block text-xs font-medium text-amber-900 underline" href={attentionHref}>
                Needs attention
              </Link>
            )}
          </Td>
        </tr>
      ))}
    </DataTable>
  );
}
