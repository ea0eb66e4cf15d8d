/** The labelled inputs of one contact, filled with its current details. */
import { controlClasses } from "@/components/form-field";
import { CONTACT_INPUTS, type ContactFields } from "@/lib/contact-rules";

export function ContactFieldsInputs({
  idPrefix,
  values,
  countries,
}: {
  idPrefix: string;
  values: ContactFields | null;
  countries: { code: string; name: string }[];
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {CONTACT_INPUTS.map(([k, label, auto]) => (
        <div key={k} className="space-y-1">
          <label htmlFor={`${idPrefix}${k}`} className="block text-sm font-medium text-slate-800">
            {label}
          </label>
          <input
            id={`${idPrefix}${k}`}
            name={k}
            autoComplete={auto}
            type={k === "email" ? "email" : "text"}
            defaultValue={values?.[k] ?? ""}
            className={controlClasses(false)}
          />
        </div>
      ))}
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}countryCode`} className="block text-sm font-medium text-slate-800">
          Country
        </label>
        <select
          id={`${idPrefix}countryCode`}
          name="countryCode"
          defaultValue={values?.countryCode ?? ""}
          className={controlClasses(false)}
        >
          <option value="">Choose…</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
