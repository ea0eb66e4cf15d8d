/**
 * Every registry command sent for the domain, newest first, in words. Staff (both consoles) also see
 * the registry's code, message, transaction id and who acted; a registrant sees what happened and
 * whether it worked, never a registry code, so that is the default.
 */
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
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

function outcome(code: number | null) {
  if (code === null) return { label: "No answer yet", tone: "amber" as const };
  return code < 2000 ? { label: "Done", tone: "green" as const } : { label: "Refused", tone: "red" as const };
}

export function HistoryTable({
  operations,
  audience = "registrant",
}: {
  operations: Op[];
  audience?: "registrant" | "staff";
}) {
  const staff = audience === "staff";
  return (
    <DataTable
      caption={staff ? "Registry history" : "History"}
      headers={staff ? ["When (UTC)", "Operation", "Result", "Registry message", "By"] : ["When", "What", "Result"]}
      empty={operations.length ? undefined : <EmptyState title="Nothing has happened yet." />}
    >
      {operations.map((o) => {
        const result = outcome(o.code);
        return (
          <tr key={o.id.toString()}>
            <Td className="whitespace-nowrap">
              <DateTime value={o.at} />
            </Td>
            <Td>
              {staff ? (
                <span title={o.operation}>{describeOperation(o.operation, o.detail)}</span>
              ) : (
                describeOperation(o.operation, o.detail)
              )}
            </Td>
            <Td>
              <StatusBadge status={result.label} tone={result.tone}>
                {staff ? (o.code ?? "no answer") : result.label}
              </StatusBadge>
            </Td>
            {staff && (
              <Td className="max-w-md break-words">
                {o.message}
                {o.svTRID && <span className="block text-xs text-slate-500">svTRID {o.svTRID}</span>}
              </Td>
            )}
            {staff && <Td>{o.actorType}</Td>}
          </tr>
        );
      })}
    </DataTable>
  );
}
