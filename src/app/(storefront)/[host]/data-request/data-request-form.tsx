"use client";
/** The data-subject request form: signed-in registrants skip the email (the session proves who they are). */
import { useActionState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/form-field";
import { FormAlert } from "@/components/form-alert";
import { echoOf, RequestReceived } from "@/components/public-request-parts";
import { SubmitButton } from "@/components/submit-button";
import { requestDataByMail, requestOwnData } from "./actions";

const KINDS = [
  { value: "", label: "Choose one" },
  { value: "access", label: "A copy of the data you hold about me" },
  { value: "correction", label: "Correct data about me" },
  { value: "deletion", label: "Delete data about me" },
];

export function DataRequestForm({ signedIn }: { signedIn: boolean }) {
  const [result, dispatch] = useActionState(signedIn ? requestOwnData : requestDataByMail, null);
  if (result?.ok)
    return (
      <RequestReceived>
        {signedIn
          ? `Your request ${result.data.reference} is registered. We acknowledge it within 2 working days and answer within 30 days.`
          : `Your request ${result.data.reference} is registered. Open the link we mailed to confirm the address is yours; the time limits start then.`}
      </RequestReceived>
    );
  const { fields: f, values: v, key } = echoOf(result);
  return (
    <form action={dispatch} className="space-y-5" noValidate key={key}>
      <FormAlert result={result} />
      <SelectField
        name="kind"
        label="What you ask for"
        required
        defaultValue={v.kind ?? ""}
        error={f.kind}
        options={KINDS}
      />
      {!signedIn && (
        <TextField
          name="email"
          label="Your account's email address"
          type="email"
          required
          autoComplete="email"
          maxLength={254}
          defaultValue={v.email}
          error={f.email}
          hint="We mail a link there to confirm the request is yours."
        />
      )}
      <TextAreaField
        name="details"
        label="Details (optional)"
        rows={4}
        maxLength={5000}
        defaultValue={v.details}
        error={f.details}
      />
      <SubmitButton pendingLabel="Sending…">Send request</SubmitButton>
    </form>
  );
}
