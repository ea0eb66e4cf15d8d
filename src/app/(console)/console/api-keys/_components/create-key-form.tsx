"use client";
/** The form that makes an API key and shows the key once, with a reminder that it will not be shown again. */
import { startTransition, useActionState } from "react";
import { buttonClasses } from "@/components/button";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/form-field";
import { Notice } from "@/components/notice";
import { ReauthLink } from "@/components/reauth-link";
import type { ActionResult, ServerAction } from "@/server/action-client";

type Created = { id: string; key: string; displayPrefix: string };

export function CreateKeyForm({
  action,
  scopes,
}: {
  action: ServerAction<Created>;
  scopes: { value: string; label: string; help: string }[];
}) {
  const [result, dispatch, pending] = useActionState<ActionResult<Created> | null, FormData>(action, null);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  return (
    <div className="space-y-4">
      {result?.ok && (
        <Notice tone="success" title="Your new API key" role="status">
          <p>Copy it now: it is shown only this once. We keep only a fingerprint of it.</p>
          <code data-testid="new-api-key" className="mt-2 block rounded bg-white p-2 font-mono text-xs break-all">
            {result.data.key}
          </code>
        </Notice>
      )}
      <form action={dispatch} onSubmit={onSubmit} className="space-y-3">
        <TextField
          name="name"
          label="Name"
          required
          maxLength={80}
          placeholder="Shop integration"
          error={fields.name}
        />
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
          {fields.scopes && <p className="text-sm text-red-700">{fields.scopes}</p>}
        </fieldset>
        <TextAreaField
          name="allowedCidrs"
          label="Allowed addresses (optional)"
          hint="IPv4 or IPv6 addresses or CIDR blocks, one per line. Empty: any address."
          rows={3}
          placeholder={"203.0.113.0/24\n2001:db8::/32"}
          error={Object.entries(fields)
            .filter(([k]) => k.startsWith("allowedCidrs"))
            .map(([, v]) => v)
            .join(" ")}
        />
        <TextField
          name="expiresInDays"
          label="Expires after (days, optional)"
          inputMode="numeric"
          placeholder="365"
          error={fields.expiresInDays}
        />
        <button type="submit" disabled={pending} className={buttonClasses("primary")}>
          {pending ? "Making the key…" : "Make API key"}
        </button>
        {result && !result.ok && (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            <p className="font-medium">{result.message}</p>
            <ReauthLink code={result.code} />
          </div>
        )}
      </form>
    </div>
  );
}
