/** Findings with their state; admins acknowledge an open one with a note. Used by the findings list and each health page. */
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { DataTable, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { TextField } from "@/components/form-field";
import type { Finding } from "@/server/reseller-health/findings";
import { acknowledgeHealthFinding } from "../actions";

export function FindingsTable({
  findings,
  canWrite,
  caption,
  showReseller,
}: {
  findings: Finding[];
  canWrite: boolean;
  caption: string;
  showReseller: boolean;
}) {
  return (
    <DataTable caption={caption} headers={[...(showReseller ? ["Reseller"] : []), "Finding", "Opened", "State"]}>
      {findings.map((f) => (
        <tr key={f.id}>
          {showReseller && (
            <Td>
              <Link
                className="font-medium text-indigo-700 underline"
                href={`/registrar/resellers/${f.resellerId}/health`}
              >
                {f.resellerName}
              </Link>
            </Td>
          )}
          <Td>{f.words}</Td>
          <Td>
            <DateTime value={f.openedAt} />
          </Td>
          <Td>
            {f.closedAt ? (
              <>
                Closed <DateTime value={f.closedAt} />
              </>
            ) : f.acknowledgedAt ? (
              <>
                Acknowledged by {f.acknowledgedByEmail ?? "staff"}: {f.acknowledgeNote}
              </>
            ) : canWrite ? (
              <ActionForm
                action={acknowledgeHealthFinding}
                hidden={{ findingId: f.id }}
                submitLabel={`Acknowledge finding: ${f.label}`}
                success="Acknowledged."
                idPrefix={`ack-${f.id}`}
                layout="inline"
              >
                <TextField name="note" label="Note" required minLength={3} maxLength={2000} />
              </ActionForm>
            ) : (
              "Open"
            )}
          </Td>
        </tr>
      ))}
    </DataTable>
  );
}
