"use client";
/**
 * The bulk action form. On the domains list it wraps the table, so the row checkboxes are its
 * names; on the bulk page it takes typed names or a CSV file. Errors keep the choices made. On a
 * small screen the list comes first: the action's settings fold behind a button.
 */
import { useState } from "react";
import { ActionForm, FormSubmitButton, type FormAction } from "@/components/action-form";
import { SelectField, TextAreaField } from "@/components/form-field";
import { SmallScreenToggle } from "@/components/small-screen-toggle";

type Result = { ok: true; data: { id: string } } | { ok: false; message: string; fields?: Record<string, string> };

const ACTIONS = [
  { value: "renew", label: "Renew" },
  { value: "nameservers", label: "Set name servers" },
  { value: "lock", label: "Lock transfers" },
  { value: "unlock", label: "Unlock transfers" },
  { value: "auto_renew_on", label: "Turn auto-renew on" },
  { value: "auto_renew_off", label: "Turn auto-renew off" },
];

export function BulkForm({
  action,
  children,
  upload = false,
}: {
  action: (prev: never, input: FormData) => Promise<Result>;
  children?: React.ReactNode;
  upload?: boolean;
}) {
  const [chosen, setChosen] = useState("renew");
  const settings = (
    <fieldset className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3">
      <legend className="px-1 text-sm font-semibold text-slate-900">Bulk action</legend>
      <SelectField
        name="action"
        label="Action"
        required
        options={ACTIONS}
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
      />
      {chosen === "renew" && (
        <SelectField
          name="years"
          label="Years"
          defaultValue="1"
          options={Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
        />
      )}
      {chosen === "nameservers" && (
        <TextAreaField name="nameservers" label="Name servers (one per line)" required rows={3} />
      )}
      {upload && (
        <>
          <TextAreaField name="namesText" label="Domain names (one per line)" rows={6} className="sm:col-span-2" />
          <div className="space-y-1">
            <label htmlFor="csv" className="block text-sm font-medium text-slate-800">
              Or a CSV file (names in the first column)
            </label>
            <input id="csv" name="csv" type="file" accept=".csv,text/csv" className="block w-full text-sm" />
          </div>
        </>
      )}
      <div className="flex items-end">
        <FormSubmitButton pendingLabel="Starting…">
          {upload ? "Start bulk action" : "Apply to selected"}
        </FormSubmitButton>
      </div>
    </fieldset>
  );
  return (
    <ActionForm
      action={action as unknown as FormAction}
      submitLabel={upload ? "Start bulk action" : "Apply to selected"}
      submitPlacement="custom"
      className="space-y-4"
    >
      {upload ? settings : <SmallScreenToggle label="Bulk action on selected names">{settings}</SmallScreenToggle>}
      {children}
    </ActionForm>
  );
}
