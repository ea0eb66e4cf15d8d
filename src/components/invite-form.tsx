/** Invite someone by email with a role; the invitation link is mailed through the outbox. */
import { ActionForm, type FormAction } from "./action-form";
import { controlClasses } from "./form-field";

export function InviteForm({
  action,
  roles,
  defaultRole,
}: {
  action: FormAction;
  roles: readonly { value: string; label: string }[];
  defaultRole: string;
}) {
  return (
    <ActionForm
      action={action}
      submitLabel="Send invitation"
      pendingLabel="Sending…"
      layout="inline"
      success="Invitation sent. It is valid for 7 days."
    >
      <div className="min-w-64 flex-1">
        <label htmlFor="invite-email" className="block text-sm font-medium text-slate-800">
          Email
        </label>
        <input
          id="invite-email"
          name="email"
          type="email"
          required
          autoComplete="off"
          className={`${controlClasses(false)} mt-1`}
        />
      </div>
      <div>
        <label htmlFor="invite-role" className="block text-sm font-medium text-slate-800">
          Role
        </label>
        <select
          id="invite-role"
          name="role"
          defaultValue={defaultRole}
          className={`${controlClasses(false)} mt-1 w-44`}
        >
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
    </ActionForm>
  );
}
