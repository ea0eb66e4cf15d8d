/** The GET form that filters and sorts a domains list (works without JavaScript). */
import { SelectField, TextField } from "@/components/form-field";
import { buttonClasses } from "@/components/button";
import { DOMAIN_STATE_CHOICES } from "@/lib/status-words";

export type FilterValues = {
  q?: string;
  state?: string;
  tld?: string;
  within?: string;
  sort?: string;
  customer?: string;
  reseller?: string;
};

export function DomainFilters({
  values,
  action,
  exportHref,
  showReseller = false,
}: {
  values: FilterValues;
  action: string;
  exportHref?: string;
  showReseller?: boolean;
}) {
  return (
    <form
      method="get"
      action={action}
      className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-6"
    >
      <TextField name="q" label="Name starts with" defaultValue={values.q ?? ""} />
      <SelectField
        name="state"
        label="State"
        defaultValue={values.state ?? ""}
        options={[{ value: "", label: "Any" }, ...DOMAIN_STATE_CHOICES]}
      />
      <TextField name="tld" label="TLD" placeholder="com" defaultValue={values.tld ?? ""} />
      <SelectField
        name="within"
        label="Expires within"
        defaultValue={values.within ?? ""}
        options={[
          { value: "", label: "Any time" },
          { value: "7", label: "7 days" },
          { value: "30", label: "30 days" },
          { value: "90", label: "90 days" },
          { value: "365", label: "1 year" },
        ]}
      />
      <SelectField
        name="sort"
        label="Sort"
        defaultValue={values.sort ?? "expiry"}
        options={[
          { value: "expiry", label: "Expiry, soonest first" },
          { value: "expiry_desc", label: "Expiry, latest first" },
          { value: "name", label: "Name" },
        ]}
      />
      {values.customer && <input type="hidden" name="customer" value={values.customer} />}
      {showReseller && <TextField name="reseller" label="Reseller id" defaultValue={values.reseller ?? ""} />}
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClasses("primary")}>
          Apply
        </button>
        {exportHref && (
          <a className={buttonClasses("secondary")} href={exportHref}>
            Export CSV
          </a>
        )}
      </div>
    </form>
  );
}

export function filterFromParams(
  sp: Record<string, string | string[] | undefined>,
): FilterValues & { cursor?: string } {
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  return {
    q: one("q"),
    state: one("state"),
    tld: one("tld"),
    within: one("within"),
    sort: one("sort"),
    customer: one("customer"),
    reseller: one("reseller"),
    cursor: one("cursor"),
  };
}

export function queryString(v: FilterValues & { cursor?: string }): string {
  const q = new URLSearchParams();
  for (const [k, val] of Object.entries(v)) if (val) q.set(k, val);
  return q.toString();
}
