/**
 * The certificate lists' filters as links (state, expiring soon, DCV stuck), each keeping the others;
 * the registrar's list adds a reseller. Plain links, so a filtered list is a bookmarkable address.
 */
import Link from "next/link";
import { SUBSCRIPTION_WORDS } from "@/lib/certificate-words";
import { listCertificatesSchema } from "@/server/ssl/views/list-certificates";

export type CertificateFilterValues = { state?: string; attention?: string; reseller?: string };

const STATES = [
  { value: "", label: "All" },
  ...Object.entries(SUBSCRIPTION_WORDS).map(([value, w]) => ({ value, label: w.label })),
];
const ATTENTION = [
  { value: "", label: "Any" },
  { value: "expiring", label: "Expiring within 30 days" },
  { value: "dcv_stuck", label: "DCV waiting over a day" },
];

/** The state and attention filters of the address, each dropped when it is not one the list knows. */
export function chosenCertificateFilters(sp: { state?: string; attention?: string }) {
  const state = listCertificatesSchema.shape.state.safeParse(sp.state || undefined);
  const attention = listCertificatesSchema.shape.attention.safeParse(sp.attention || undefined);
  return { state: state.success ? state.data : undefined, attention: attention.success ? attention.data : undefined };
}

export function certificateListHref(base: string, values: CertificateFilterValues & { cursor?: string }): string {
  const params = new URLSearchParams(
    Object.entries(values).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

function Pills({
  label,
  options,
  chosen,
  href,
}: {
  label: string;
  options: { value: string; label: string }[];
  chosen: string;
  href: (value: string) => string;
}) {
  return (
    <nav aria-label={label} className="mb-3 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">{label}:</span>
      {options.map((f) => (
        <Link
          key={f.value}
          href={href(f.value)}
          aria-current={chosen === f.value ? "page" : undefined}
          className={`rounded-full border px-3 py-1 ${chosen === f.value ? "border-indigo-600 bg-indigo-50 font-semibold" : "border-slate-300"}`}
        >
          {f.label}
        </Link>
      ))}
    </nav>
  );
}

export function CertificateFilters({ base, values }: { base: string; values: CertificateFilterValues }) {
  return (
    <>
      <Pills
        label="Filter by status"
        options={STATES}
        chosen={values.state ?? ""}
        href={(state) => certificateListHref(base, { ...values, state })}
      />
      <Pills
        label="Needs attention"
        options={ATTENTION}
        chosen={values.attention ?? ""}
        href={(attention) => certificateListHref(base, { ...values, attention })}
      />
    </>
  );
}
