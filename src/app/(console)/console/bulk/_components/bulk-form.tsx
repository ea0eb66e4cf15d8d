"use client";
/**
 * The bulk action form. On the domains list it wraps the table, so the row checkboxes are its
 * names; on the bulk page it takes typed names or a CSV file. Errors keep the choices made.
 */
import { useActionState, useState } from "react";
import { buttonClasses } from "@/components/button";
import { SelectField, TextAreaField } from "@/components/form-field";

type Result = { ok: true; data: { id: string } } | { ok: false; message: string; fields?: Record<string, string> };
type Action = (prev: Result | null, input: FormData) => Promise<Result>;

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
  const [result, dispatch, pending] = useActionState(action as unknown as Action, null);
  const [chosen, setChosen] = useState("renew");
  return (
    <form action={dispatch} className="space-y-4">
      <fieldset className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">Bulk action</legend>
        <SelectField
          name="action"
          label="Action"
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
          <TextAreaField
            name="nameservers"
            label="Name servers (one per line)"
            rows={3}
            error={result && !result.ok ? result.fields?.nameservers : undefined}
          />
        )}
        {upload && (
          <>
            <TextAreaField
              name="namesText"
              label="Domain names (one per line)"
              rows={6}
              className="sm:col-span-2"
              error={result && !result.ok ? result.fields?.names : undefined}
            />
            <div className="space-y-1">
              <label htmlFor="csv" className="block text-sm font-medium text-slate-800">
                Or a CSV file (names in the first column)
              </label>
              <input id="csv" name="csv" type="file" accept=".csv,text/csv" className="block w-full text-sm" />
            </div>
          </>
        )}
        <div className="flex items-end">
          <button type="submit" disabled={pending} className={buttonClasses("primary")}>
            {pending ? "Starting…" : upload ? "Start bulk action" : "Apply to selected"}
          </button>
        </div>
        {result && !result.ok && (
          <p
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 sm:col-span-3"
          >
            {result.message}
          </p>
        )}
      </fieldset>
      {children}
    </form>
  );
}
