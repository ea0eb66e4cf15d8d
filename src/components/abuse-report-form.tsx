"use client";
/**
 * The public abuse report form, shared by every storefront and the console host; each passes its own
 * server action. After sending, the reference the reporter quotes back replaces the form.
 */
import { useActionState } from "react";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/form-field";
import { FormAlert } from "@/components/form-alert";
import { echoOf, RequestReceived } from "@/components/public-request-parts";
import { SubmitButton } from "@/components/submit-button";
import type { ActionResult } from "@/server/action-client";

type Action = (
  prev: ActionResult<{ reference: string }> | null,
  input: FormData,
) => Promise<ActionResult<{ reference: string }>>;

const CATEGORIES = [
  { value: "", label: "Choose one" },
  { value: "phishing", label: "Phishing (a fake site collecting passwords or payment details)" },
  { value: "malware", label: "Malware (the site or its mail spreads harmful software)" },
  { value: "botnet", label: "Botnet (controls infected computers)" },
  { value: "pharming", label: "Pharming (DNS changed to send visitors elsewhere)" },
  { value: "spam", label: "Spam that delivers any of the above" },
];

export function AbuseReportForm({ action }: { action: Action }) {
  const [result, dispatch] = useActionState(action, null);
  if (result?.ok) {
    return (
      <RequestReceived>
        Thank you. Your report is registered as <strong>{result.data.reference}</strong>; we have mailed you a receipt.
        Someone able to act reviews it within 24 hours, and we will tell you the outcome.
      </RequestReceived>
    );
  }
  const { fields: f, values: v, key } = echoOf(result);
  return (
    <form action={dispatch} className="space-y-5" noValidate key={key}>
      <FormAlert result={result} />
      <TextField
        name="domain"
        label="Domain name or link"
        required
        maxLength={2000}
        defaultValue={v.domain}
        error={f.domain}
        hint="The name, or a link on it, e.g. https://login.example.com/page"
      />
      <SelectField
        name="category"
        label="What kind of abuse"
        required
        defaultValue={v.category ?? ""}
        error={f.category}
        options={CATEGORIES}
      />
      <TextAreaField
        name="description"
        label="What you saw"
        required
        rows={5}
        maxLength={5000}
        defaultValue={v.description}
        error={f.description}
      />
      <TextAreaField
        name="evidenceUrls"
        label="Links that show it (optional)"
        rows={3}
        maxLength={4000}
        defaultValue={v.evidenceUrls}
        error={f.evidenceUrls}
        hint="One per line."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="reporterName"
          label="Your name (optional)"
          autoComplete="name"
          maxLength={200}
          defaultValue={v.reporterName}
          error={f.reporterName}
        />
        <TextField
          name="reporterEmail"
          label="Your email address"
          type="email"
          required
          autoComplete="email"
          maxLength={254}
          defaultValue={v.reporterEmail}
          error={f.reporterEmail}
          hint="We send the receipt and the outcome here. It is not shared with the domain's seller or owner."
        />
      </div>
      <CheckboxField
        name="fromAuthority"
        label="I report for law enforcement, a consumer protection body or another public authority"
        defaultChecked={v.fromAuthority === "on"}
      />
      <SubmitButton pendingLabel="Sending…">Send report</SubmitButton>
    </form>
  );
}
