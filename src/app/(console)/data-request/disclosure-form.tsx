"use client";
/** A third party's request for the registration data behind a domain name. */
import { useActionState } from "react";
import { TextAreaField, TextField } from "@/components/form-field";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { requestDisclosure } from "./actions";

export function DisclosureForm() {
  const [result, dispatch] = useActionState(requestDisclosure, null);
  if (result?.ok)
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
        Your request {result.data.reference} is registered. Open the link we mailed you to confirm it; we review it and
        answer within 30 days.
      </p>
    );
  const f = result && !result.ok ? (result.fields ?? {}) : {};
  const v = result && !result.ok ? (result.values ?? {}) : {};
  return (
    <form action={dispatch} className="space-y-5" noValidate key={result && !result.ok ? JSON.stringify(v) : "fresh"}>
      <FormAlert result={result} />
      <TextField
        name="domainName"
        label="Domain name"
        required
        maxLength={253}
        defaultValue={v.domainName}
        error={f.domainName}
      />
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
      />
      <TextAreaField
        name="legalBasis"
        label="Your legitimate interest and legal basis"
        required
        rows={4}
        maxLength={2000}
        defaultValue={v.legalBasis}
        error={f.legalBasis}
      />
      <TextAreaField
        name="details"
        label="Details (optional)"
        rows={3}
        maxLength={5000}
        defaultValue={v.details}
        error={f.details}
      />
      <SubmitButton pendingLabel="Sending…">Send request</SubmitButton>
    </form>
  );
}
