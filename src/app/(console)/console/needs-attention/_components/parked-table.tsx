/** Order items waiting for a decision, longest-waiting first; shared by the reseller and registrar consoles. */
import Link from "next/link";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { formatMoney } from "@/lib/money";
import type { ParkedItemRow } from "@/server/fulfilment/parked/list-parked-items";
import { itemTitle } from "@/server/fulfilment/parked/parked-words";

export function ParkedTable({
  rows,
  basePath,
  showReseller = false,
}: {
  rows: ParkedItemRow[];
  /** The detail pages live under it: `${basePath}/${itemId}`. */
  basePath: string;
  showReseller?: boolean;
}) {
  return (
    <DataTable
      caption="Order items waiting for a decision"
      headers={["Item", ...(showReseller ? ["Reseller"] : []), "Waiting since", "Why it stopped", "Attempts", "Price"]}
      empty={
        rows.length ? undefined : (
          <EmptyState title="Nothing needs attention.">Every order item is moving on its own.</EmptyState>
        )
      }
    >
      {rows.map((r) => (
        <tr key={r.id}>
          <Td className="break-all">
            <Link className="font-medium text-indigo-700 underline" href={`${basePath}/${r.id}`}>
              {itemTitle(r.kind, r.subject)}
            </Link>
          </Td>
          {showReseller && <Td>{r.resellerName}</Td>}
          <Td className="whitespace-nowrap">
            <DateTime value={r.parkedAt} />
          </Td>
          <Td className="max-w-md break-words">{r.parkedReason ?? "No reason recorded."}</Td>
          <Td>{r.attempts}</Td>
          <Td className="whitespace-nowrap">{formatMoney(r.retailAmount, r.currency)}</Td>
        </tr>
      ))}
    </DataTable>
  );
}
