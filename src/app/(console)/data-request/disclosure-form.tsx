"use client";
/** A third party's request for the registration data behind a domain name. */
import { useActionState } from "react";
import { TextAreaField, TextField } from "@/components/form-field";
import { FormAlert } from "@/components/form-alert";
import { echoOf, RequestReceived, RequesterFields } from "@/components/public-request-parts";
import { SubmitButton } from "@/components/submit-button";
import { requestDisclosure } from "./actions";

export function DisclosureForm() {
  const [result, dispatch] = useActionState(requestDisclosure, null);
  if (result?.ok)
    return (
      <RequestReceived>
        Your request {result.data.reference} is registered. Open the link we mailed you to confirm it; we review it and
        answer within 30 days.
      </RequestReceived>
    );
  const { fields: f, values: v, key } = echoOf(result);
  return (
    <form action={dispatch} className="space-y-5" noValidate key={key}>
      <FormAlert result={result} />
      <TextField
        name="domainName"
        label="Domain name"
        required
        maxLength={253}
        defaultValue={v.domainName}
        error={f.domainName}
      />
      <RequesterFields values={v} fields={f} />
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
