/** One's own passkeys on this host: when added and last used, a rename and a remove form on each. */
import { ActionForm, type FormAction } from "./action-form";
import { DataTable, EmptyState, Td } from "./data-table";
import { DateTime } from "./date-time";
import { TextField } from "./form-field";

type Props = {
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  rename: FormAction;
  remove: FormAction;
};

export function PasskeyList({ passkeys, rename, remove }: Props) {
  return (
    <DataTable
      caption="Your passkeys"
      headers={["Name", "Added", "Last used", ""]}
      empty={passkeys.length === 0 ? <EmptyState title="No passkeys yet." /> : undefined}
    >
      {passkeys.map((p) => (
        <tr key={p.id}>
          <Td>
            <ActionForm
              action={rename}
              hidden={{ passkeyId: p.id }}
              submitLabel="Rename"
              pendingLabel="Renaming…"
              variant="secondary"
              idPrefix={`passkey-${p.id}`}
              layout="inline"
            >
              <TextField
                name="name"
                label={`Name of passkey “${p.name}”`}
                defaultValue={p.name}
                maxLength={60}
                required
              />
            </ActionForm>
          </Td>
          <Td>
            <DateTime value={p.createdAt} />
          </Td>
          <Td>{p.lastUsedAt ? <DateTime value={p.lastUsedAt} /> : "Never"}</Td>
          <Td>
            <ActionForm
              action={remove}
              hidden={{ passkeyId: p.id }}
              submitLabel="Remove"
              pendingLabel="Removing…"
              variant="secondary"
              confirm={`Remove the passkey “${p.name}”? It will no longer sign you in.`}
            />
          </Td>
        </tr>
      ))}
    </DataTable>
  );
}
