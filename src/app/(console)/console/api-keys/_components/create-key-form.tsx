"use client";
/** The form that makes an API key and shows the key once, with a reminder that it will not be shown again. */
import { ActionForm, type FormAction } from "@/components/action-form";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/form-field";
import { useFormFeedback } from "@/components/form-feedback";
import type { ServerAction } from "@/server/action-client";

type Created = { id: string; key: string; displayPrefix: string };

/** Errors the form's fields do not carry themselves: the scope group's and each address line's. */
function GroupError({ match, id }: { match: (name: string) => boolean; id: string }) {
  const text = Object.entries(useFormFeedback().errors)
    .filter(([k]) => match(k))
    .map(([, v]) => v)
    .join(" ");
  return text ? (
    <p id={id} className="text-sm font-medium text-red-700">
      {text}
    </p>
  ) : null;
}

export function CreateKeyForm({
  action,
  scopes,
}: {
  action: ServerAction<Created>;
  scopes: { value: string; label: string; help: string }[];
}) {
  return (
    <ActionForm
      action={action as unknown as FormAction}
      submitLabel="Make API key"
      pendingLabel="Making the key…"
      describeSuccess={(data) => ({
        message: (
          <>
            <p className="font-semibold">Your new API key</p>
            <p>Copy it now: it is shown only this once. We keep only a fingerprint of it.</p>
            <code data-testid="new-api-key" className="mt-2 block rounded bg-white p-2 font-mono text-xs break-all">
              {(data as Created).key}
            </code>
          </>
        ),
      })}
    >
      <TextField name="name" label="Name" required maxLength={80} placeholder="Shop integration" />
      <SelectField
        name="mode"
        label="Mode"
        defaultValue="live"
        options={[
          { value: "live", label: "Live (rk_live_…): acts on real domains and money" },
          { value: "test", label: "Test (rk_test_…): for the sandbox" },
        ]}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Scopes</legend>
        {scopes.map((s) => (
          <CheckboxField
            key={s.value}
            id={`scope-${s.value}`}
            name="scopes"
            value={s.value}
            defaultChecked={s.value === "read"}
            label={`${s.label}: ${s.help}`}
          />
        ))}
        <GroupError id="scopes-error" match={(k) => k === "scopes"} />
      </fieldset>
      <TextAreaField
        name="allowedCidrs"
        label="Allowed addresses (optional)"
        hint="IPv4 or IPv6 addresses or CIDR blocks, one per line. Empty: any address."
        rows={3}
        placeholder={"203.0.113.0/24\n2001:db8::/32"}
      />
      <GroupError id="allowedCidrs-lines-error" match={(k) => k.startsWith("allowedCidrs.")} />
      <TextField name="expiresInDays" label="Expires after (days, optional)" inputMode="numeric" placeholder="365" />
    </ActionForm>
  );
}
