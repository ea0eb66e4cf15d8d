"use client";
/** The public reveal request: who asks, as whom, about which name, why, and on what evidence. */
import { useActionState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/form-field";
import { FormAlert } from "@/components/form-alert";
import { echoOf, RequestReceived, RequesterFields } from "@/components/public-request-parts";
import { SubmitButton } from "@/components/submit-button";
import { requestPrivacyReveal } from "./actions";

const KINDS = [
  { value: "", label: "Choose one" },
  { value: "law_enforcement", label: "Law enforcement or another public authority" },
  { value: "rights_holder", label: "Holder of a trademark, copyright or other right" },
  { value: "complainant", label: "A person with a complaint about the name or its use" },
];

export function RevealForm() {
  const [result, dispatch] = useActionState(requestPrivacyReveal, null);
  if (result?.ok)
    return (
      <RequestReceived>
        Your request is registered as <strong>{result.data.reference}</strong>; we have mailed you a receipt with the
        dates. The registrant is told and may answer; we decide within 10 working days and write to you.
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
      <SelectField
        name="requesterKind"
        label="You ask as"
        required
        defaultValue={v.requesterKind ?? ""}
        error={f.requesterKind}
        options={KINDS}
      />
      <RequesterFields
        values={v}
        fields={f}
        emailHint="If we disclose, the registrant's contact data is sent to this address."
      />
      <TextAreaField
        name="reason"
        label="Your legitimate interest: why you need the registrant's data"
        required
        rows={4}
        maxLength={5000}
        defaultValue={v.reason}
        error={f.reason}
      />
      <TextAreaField
        name="evidence"
        label="Evidence (links, case or registration numbers, what you observed)"
        rows={4}
        maxLength={10000}
        defaultValue={v.evidence}
        error={f.evidence}
      />
      <SubmitButton pendingLabel="Sending…">Send request</SubmitButton>
    </form>
  );
}
