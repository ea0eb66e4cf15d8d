/**
 * Staff members and open invitations of one scope (a reseller or the registrar), with role changes
 * and removal when the viewer may manage them. Shared by both consoles; they pass their own actions.
 */
import { ActionForm, type FormAction } from "./action-form";
import { DataTable, EmptyState, Td } from "./data-table";
import { DateTime } from "./date-time";
import { controlClasses } from "./form-field";

type Props = {
  members: { id: string; role: string; createdAt: Date; user: { id: string; email: string; name: string } }[];
  invitations: { id: string; email: string; role: string; expiresAt: Date }[];
  roles: readonly { value: string; label: string }[];
  roleLabel: (role: string) => string;
  viewerId: string;
  manage: { changeRole: FormAction; remove: FormAction; withdraw: FormAction } | null;
};

export function StaffTable({ members, invitations, roles, roleLabel, viewerId, manage }: Props) {
  return (
    <div className="space-y-6">
      <DataTable caption="Staff members" headers={["Name", "Email", "Role", "Since", ...(manage ? ["Actions"] : [])]}>
        {members.map((m) => (
          <tr key={m.id}>
            <Td>
              {m.user.name}
              {m.user.id === viewerId && <span className="ml-1 text-xs text-slate-500">(you)</span>}
            </Td>
            <Td>{m.user.email}</Td>
            <Td>
              {/* A role the viewer cannot grant (an admin looking at an owner) is shown, not offered. */}
              {manage && roles.some((r) => r.value === m.role) ? (
                <ActionForm
                  action={manage.changeRole}
                  hidden={{ membershipId: m.id }}
                  submitLabel="Save role"
                  variant="secondary"
                  layout="inline"
                >
                  <label htmlFor={`role-${m.id}`} className="sr-only">
                    Role of {m.user.name}
                  </label>
                  <select
                    id={`role-${m.id}`}
                    name="role"
                    defaultValue={m.role}
                    className={`${controlClasses(false)} w-40`}
                  >
                    {roles.map((r) => (
                      <option key={r.value} value={r.value}>
                        {r.label}
                      </option>
                    ))}
                  </select>
                </ActionForm>
              ) : (
                roleLabel(m.role)
              )}
            </Td>
            <Td>
              <DateTime value={m.createdAt} />
            </Td>
            {manage && (
              <Td>
                <ActionForm
                  action={manage.remove}
                  hidden={{ membershipId: m.id }}
                  submitLabel="Remove"
                  variant="secondary"
                  confirm={`Remove ${m.user.email}? Their sessions end at once.`}
                />
              </Td>
            )}
          </tr>
        ))}
      </DataTable>
      <div>
        <h2 className="mb-2 text-base font-semibold text-slate-900">Open invitations</h2>
        <DataTable
          caption="Open invitations"
          headers={["Email", "Role", "Expires", ...(manage ? ["Actions"] : [])]}
          empty={invitations.length === 0 ? <EmptyState title="No open invitations" /> : undefined}
        >
          {invitations.map((i) => (
            <tr key={i.id}>
              <Td>{i.email}</Td>
              <Td>{roleLabel(i.role)}</Td>
              <Td>
                <DateTime value={i.expiresAt} />
              </Td>
              {manage && (
                <Td>
                  <ActionForm
                    action={manage.withdraw}
                    hidden={{ invitationId: i.id }}
                    submitLabel="Withdraw"
                    variant="secondary"
                  />
                </Td>
              )}
            </tr>
          ))}
        </DataTable>
      </div>
    </div>
  );
}
