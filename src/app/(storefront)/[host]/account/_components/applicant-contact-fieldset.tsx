"use client";
/**
 * The registrant contact of a sunrise or landrush application, chosen as at checkout: one of the
 * registrant's saved contacts, or new details that start from the last one saved (or the account's
 * name and email). Inputs are prefixed, since the application's own Name field is the domain name.
 */
import { useState } from "react";
import { SelectField, TextField } from "@/components/form-field";
import { CONTACT_ALWAYS_REQUIRED, CONTACT_INPUTS, type ContactFields } from "@/lib/contact-rules";
import { CONTACT_FIELD_PREFIX, NEW_CONTACT } from "@/lib/applicant-contact-fields";

type Props = {
  savedContacts: { id: string; label: string }[];
  prefill: Partial<ContactFields>;
  countries: { code: string; name: string }[];
};

export function ApplicantContactFieldset({ savedContacts, prefill, countries }: Props) {
  const [mode, setMode] = useState(savedContacts[0]?.id ?? NEW_CONTACT);
  const p = CONTACT_FIELD_PREFIX;
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 font-semibold">Registrant contact</legend>
      <p className="text-sm">The registry records the name for this person or organisation.</p>
      {savedContacts.length > 0 && (
        <SelectField
          name="contactId"
          label="Use a saved contact"
          value={mode}
          onChange={(e) => setMode(e.target.value)}
          options={[
            ...savedContacts.map((c) => ({ value: c.id, label: c.label })),
            { value: NEW_CONTACT, label: "Enter new details" },
          ]}
        />
      )}
      {mode === NEW_CONTACT && (
        <div className="grid gap-3 sm:grid-cols-2">
          {CONTACT_INPUTS.map(([k, label, auto]) => (
            <TextField
              key={k}
              name={`${p}${k}`}
              label={label}
              autoComplete={auto}
              type={k === "email" ? "email" : k === "phone" ? "tel" : "text"}
              defaultValue={prefill[k] ?? ""}
              required={CONTACT_ALWAYS_REQUIRED.includes(k)}
            />
          ))}
          <SelectField
            name={`${p}countryCode`}
            label="Country"
            defaultValue={prefill.countryCode ?? ""}
            required
            options={[{ value: "", label: "Choose…" }, ...countries.map((c) => ({ value: c.code, label: c.name }))]}
          />
        </div>
      )}
    </fieldset>
  );
}
