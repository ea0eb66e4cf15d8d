/**
 * What the public request forms share (abuse reports, reveal, disclosure and data-subject requests):
 * the refused form's echo, the requester's own details, and the receipt that replaces the form.
 */
import type { ReactNode } from "react";
import { TextField } from "@/components/form-field";

type Refusable = { ok: true } | { ok: false; fields?: Record<string, string>; values?: Record<string, string> } | null;

/** A refused form's field errors and values; the key remounts the form so the values show again. */
export function echoOf(result: Refusable) {
  const refused = result && !result.ok ? result : null;
  const values = refused?.values ?? {};
  return { fields: refused?.fields ?? {}, values, key: refused ? JSON.stringify(values) : "fresh" };
}

export function RequestReceived({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
      {children}
    </p>
  );
}

/** Name, organisation and email of a requester who is not signed in. */
export function RequesterFields({
  values: v,
  fields: f,
  emailHint,
}: {
  values: Record<string, string>;
  fields: Record<string, string>;
  emailHint?: string;
}) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="requesterName"
          label="Your name"
          required
          maxLength={200}
          defaultValue={v.requesterName}
          error={f.requesterName}
        />
        <TextField
          name="requesterOrganisation"
          label="Organisation (optional)"
          maxLength={200}
          defaultValue={v.requesterOrganisation}
          error={f.requesterOrganisation}
        />
      </div>
      <TextField
        name="requesterEmail"
        label="Your email address"
        type="email"
        required
        maxLength={254}
        defaultValue={v.requesterEmail}
        error={f.requesterEmail}
        hint={emailHint}
      />
    </>
  );
}
