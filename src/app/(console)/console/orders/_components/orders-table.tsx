/** Orders with failures first; shared by the reseller and registrar consoles. */
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { StatusBadge } from "@/components/status-badge";
import type { OrderRow } from "@/server/domains/queries/list-orders";

function money(minor: number, currency: string): string {
  return `${(minor / 100).toFixed(2)} ${currency}`;
}

export function OrdersTable({ rows, showReseller = false }: { rows: OrderRow[]; showReseller?: boolean }) {
  return (
    <DataTable
      caption="Orders, failures first"
      headers={["Placed", ...(showReseller ? ["Reseller"] : []), "Items", "Retail", "Wholesale", "Outcome"]}
      empty={rows.length ? undefined : <EmptyState title="No orders yet." />}
    >
      {rows.map((o) => (
        <tr key={o.id} className={o.failed ? "bg-red-50/60" : undefined}>
          <Td className="whitespace-nowrap">{o.createdAt.toISOString().replace("T", " ").slice(0, 16)}</Td>
          {showReseller && <Td>{o.resellerName}</Td>}
          <Td className="max-w-md break-words">{o.summary}</Td>
          <Td className="whitespace-nowrap">{money(o.retailTotal, o.currency)}</Td>
          <Td className="whitespace-nowrap">{money(o.wholesaleTotal, o.currency)}</Td>
          <Td>
            {o.failed ? (
              <StatusBadge status="failed">{o.failed} failed</StatusBadge>
            ) : (
              <StatusBadge status="ok" tone="green">
                {o.items} item{o.items === 1 ? "" : "s"}
              </StatusBadge>
            )}
          </Td>
        </tr>
      ))}
    </DataTable>
  );
}
