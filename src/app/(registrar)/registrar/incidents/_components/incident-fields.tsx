/** The fields an incident is written with, shared by publishing one, writing a draft and editing it. */
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/form-field";
import { INCIDENT_SEVERITIES, SEVERITY_WORDS, type IncidentSeverityName } from "@/lib/incident-words";
import type { StatusComponent } from "@/server/status/components";

type Values = { title: string; severity: IncidentSeverityName; components: string[]; body: string };

export function IncidentFields({ components, values }: { components: StatusComponent[]; values?: Values }) {
  const ticked = new Set(values?.components ?? []);
  return (
    <>
      <TextField
        name="title"
        label="Title"
        required
        maxLength={160}
        defaultValue={values?.title}
        hint="e.g. Registrations for .com are delayed"
      />
      <SelectField
        name="severity"
        label="Severity"
        required
        defaultValue={values?.severity}
        options={INCIDENT_SEVERITIES.map((s) => ({ value: s, label: SEVERITY_WORDS[s] }))}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Affected components</legend>
        {components.map((c) => (
          <CheckboxField
            key={c.key}
            id={`component-${c.key}`}
            name="components[]"
            value={c.key}
            label={c.label}
            defaultChecked={ticked.has(c.key)}
          />
        ))}
      </fieldset>
      <TextAreaField
        name="body"
        label="What customers notice"
        required
        rows={4}
        maxLength={5000}
        defaultValue={values?.body}
        hint="Shown publicly and mailed once published: no internal names."
      />
    </>
  );
}
