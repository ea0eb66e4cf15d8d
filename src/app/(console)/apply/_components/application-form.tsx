"use client";
/** The application form. A failed submission comes back with every typed value and field errors. */
import { useActionState } from "react";
import { CheckboxField, SelectField, TextField } from "@/components/form-field";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { submitApplication } from "../actions";

type Props = { agreementVersion: string; countries: { code: string; name: string }[]; baseDomain: string };

export function ApplicationForm({ agreementVersion, countries, baseDomain }: Props) {
  const [result, action] = useActionState(submitApplication, null);
  const f = result && !result.ok ? (result.fields ?? {}) : {};
  const v = result && !result.ok ? (result.values ?? {}) : {};
  // Keyed by the attempt so that inputs re-mount with the values the server sent back.
  const key = result && !result.ok ? JSON.stringify(v) : "fresh";
  return (
    <form action={action} className="space-y-6" noValidate key={key}>
      <FormAlert result={result} />
      <input type="hidden" name="agreementVersion" value={agreementVersion} />
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">Your company</legend>
        <TextField
          name="companyName"
          label="Company name"
          required
          autoComplete="organization"
          defaultValue={v.companyName}
          error={f.companyName}
        />
        <TextField
          name="desiredSlug"
          label="Storefront name"
          required
          defaultValue={v.desiredSlug}
          error={f.desiredSlug}
          hint={`Lower-case letters, digits and hyphens. Your storefront will live at <name>.${baseDomain}.`}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            name="country"
            label="Country"
            required
            defaultValue={v.country ?? ""}
            error={f.country}
            options={[
              { value: "", label: "Choose a country" },
              ...countries.map((c) => ({ value: c.code, label: c.name })),
            ]}
          />
          <TextField
            name="website"
            label="Website (optional)"
            type="url"
            autoComplete="url"
            placeholder="https://"
            defaultValue={v.website}
            error={f.website}
          />
        </div>
        <TextField
          name="expectedVolume"
          label="Domains you expect to register each month"
          type="number"
          inputMode="numeric"
          min={0}
          required
          defaultValue={v.expectedVolume}
          error={f.expectedVolume}
          className="sm:max-w-xs"
        />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">Contact person</legend>
        <TextField
          name="contactName"
          label="Full name"
          required
          autoComplete="name"
          defaultValue={v.contactName}
          error={f.contactName}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="contactEmail"
            label="Email"
            type="email"
            required
            autoComplete="email"
            defaultValue={v.contactEmail}
            error={f.contactEmail}
            hint="The owner invitation goes to this address."
          />
          <TextField
            name="contactPhone"
            label="Phone"
            type="tel"
            required
            autoComplete="tel"
            defaultValue={v.contactPhone}
            error={f.contactPhone}
            placeholder="+1 555 010 0100"
          />
        </div>
      </fieldset>
      <CheckboxField
        name="acceptAgreement"
        defaultChecked={v.acceptAgreement === "on"}
        error={f.acceptAgreement ?? f.agreementVersion}
        label={`I have read and accept the reseller agreement (version ${agreementVersion}) on behalf of the company.`}
      />
      <SubmitButton pendingLabel="Sending your application…">Send application</SubmitButton>
    </form>
  );
}
