/**
 * One's own sessions (device, address, when started and last used), with "this device" marked and a
 * revoke button on each other one. Shared by the console account page and the storefront's; each
 * passes its own area's action.
 */
import { ActionForm, type FormAction } from "./action-form";
import { DataTable, EmptyState, Td } from "./data-table";
import { DateTime } from "./date-time";

type Props = {
  sessions: { id: string; device: string; address: string; createdAt: Date; lastUsedAt: Date }[];
  currentId: string;
  revoke: FormAction;
};

export function SessionList({ sessions, currentId, revoke }: Props) {
  return (
    <DataTable
      caption="Your sessions"
      headers={["Device", "Address", "Signed in", "Last used", ""]}
      empty={sessions.length === 0 ? <EmptyState title="No sessions are open." /> : undefined}
    >
      {sessions.map((s) => (
        <tr key={s.id}>
          <Td>
            {s.device}
            {s.id === currentId && (
              <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">this device</span>
            )}
          </Td>
          <Td>{s.address}</Td>
          <Td>
            <DateTime value={s.createdAt} />
          </Td>
          <Td>
            <DateTime value={s.lastUsedAt} />
          </Td>
          <Td>
            {s.id !== currentId && (
              <ActionForm
                action={revoke}
                hidden={{ sessionId: s.id }}
                submitLabel="Revoke"
                pendingLabel="Revoking…"
                variant="secondary"
              />
            )}
          </Td>
        </tr>
      ))}
    </DataTable>
  );
}
