/** Every registry command sent for the domain, newest first, in words, with the registry's code and message. */
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { StatusBadge } from "@/components/status-badge";
import { describeOperation } from "@/server/domains/manage/registry-words";

type Op = {
  id: bigint;
  operation: string;
  detail: unknown;
  code: number | null;
  message: string;
  at: Date;
  actorType: string;
  svTRID: string | null;
};

export function HistoryTable({ operations }: { operations: Op[] }) {
  return (
    <DataTable
      caption="Registry history"
      headers={["When (UTC)", "Operation", "Result", "Registry message", "By"]}
      empty={operations.length ? undefined : <EmptyState title="No registry operations yet." />}
    >
      {operations.map((o) => (
        <tr key={o.id.toString()}>
          <Td className="whitespace-nowrap">{o.at.toISOString().replace("T", " ").slice(0, 19)}</Td>
          <Td>
            <span title={o.operation}>{describeOperation(o.operation, o.detail)}</span>
          </Td>
          <Td>
            <StatusBadge
              status={String(o.code ?? "none")}
              tone={o.code === null ? "amber" : o.code < 2000 ? "green" : "red"}
            >
              {o.code ?? "no answer"}
            </StatusBadge>
          </Td>
          <Td className="max-w-md break-words">
            {o.message}
            {o.svTRID && <span className="block text-xs text-slate-500">svTRID {o.svTRID}</span>}
          </Td>
          <Td>{o.actorType}</Td>
        </tr>
      ))}
    </DataTable>
  );
}
