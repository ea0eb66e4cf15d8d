/**
 * The labelled inputs of one contact, filled with its current details. Inside its ActionForm each
 * field finds its own error (the Country select included) and its id from the form's prefix.
 */
import { SelectField, TextField } from "@/components/form-field";
import { CONTACT_ALWAYS_REQUIRED, CONTACT_INPUTS, type ContactFields } from "@/lib/contact-rules";

export function ContactFieldsInputs({
  values,
  countries,
}: {
  values: ContactFields | null;
  countries: { code: string; name: string }[];
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {CONTACT_INPUTS.map(([k, label, auto]) => (
        <TextField
          key={k}
          name={k}
          label={label}
          autoComplete={auto}
          type={k === "email" ? "email" : "text"}
          required={CONTACT_ALWAYS_REQUIRED.includes(k)}
          defaultValue={values?.[k] ?? ""}
        />
      ))}
      <SelectField
        name="countryCode"
        label="Country"
        required
        defaultValue={values?.countryCode ?? ""}
        options={[{ value: "", label: "Choose…" }, ...countries.map((c) => ({ value: c.code, label: c.name }))]}
      />
    </div>
  );
}
