/** The labelled inputs of one contact, filled with its current details. */
import { controlClasses } from "@/components/form-field";
import type { ContactFields } from "@/lib/contact-rules";

const FIELDS: [keyof ContactFields, string, string][] = [
  ["name", "Full name", "name"],
  ["organization", "Organisation (optional)", "organization"],
  ["email", "Email", "email"],
  ["phone", "Phone, with country code (+1.5555551234)", "tel"],
  ["street1", "Street address", "address-line1"],
  ["street2", "Address line 2 (optional)", "address-line2"],
  ["city", "City", "address-level2"],
  ["state", "State or province", "address-level1"],
  ["postalCode", "Postal code", "postal-code"],
];

export function ContactFieldsInputs({ idPrefix, values, countries }: { idPrefix: string; values: ContactFields | null; countries: { code: string; name: string }[] }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {FIELDS.map(([k, label, auto]) => (
        <div key={k} className="space-y-1">
          <label htmlFor={`${idPrefix}${k}`} className="block text-sm font-medium text-slate-800">{label}</label>
          <input id={`${idPrefix}${k}`} name={k} autoComplete={auto} type={k === "email" ? "email" : "text"} defaultValue={values?.[k] ?? ""} className={controlClasses(false)} />
        </div>
      ))}
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}countryCode`} className="block text-sm font-medium text-slate-800">Country</label>
        <select id={`${idPrefix}countryCode`} name="countryCode" defaultValue={values?.countryCode ?? ""} className={controlClasses(false)}>
          <option value="">Choose…</option>
          {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
        </select>
      </div>
    </div>
  );
}
