/**
 * Landrush: apply for a name in a new extension's early-access period with the most you will pay;
 * contested names go to the registry's sealed-bid auction when landrush ends. The name comes first
 * (typed here or from a search result): the registry is asked about it before the form, so a name
 * matching a registered trademark shows its claims notice to accept before payment. Then the maximum
 * and the registrant contact. The applications made so far, with the registry's word and, once
 * allocated, what was charged.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { SelectField, TextField } from "@/components/form-controls";
import { ClaimsNoticeBox } from "@/components/claims-notice-box";
import { StatusBadge } from "@/components/status-badge";
import { ORDER_ITEM_STATE_WORDS } from "@/lib/order-item-words";
import { shortOrderNumber } from "@/lib/order-number";
import { formatMoney } from "@/lib/money";
import { checkLandrushName } from "@/server/launch/apply/landrush-check";
import { listLandrushApplications } from "@/server/launch/landrush/list-landrush-applications";
import { checkOrProblem, openLaunchPage } from "../_lib/launch-page";
import { applicantContactProps } from "../_lib/applicant-contact-props";
import { ApplicantContactFieldset } from "../_components/applicant-contact-fieldset";
import { LaunchNamePicker } from "../_components/launch-name-picker";
import { applyOwnLandrush } from "./actions";

export const metadata: Metadata = { title: "Landrush applications" };

const APPLICATION_WORDS: Record<string, string> = {
  pendingValidation: "The registry is checking the application",
  validated: "Checked by the registry",
  invalid: "Refused by the registry",
  pendingAllocation: "Waiting for landrush to end",
  allocated: "Yours",
  rejected: "Another applicant bid more; refunded",
  custom: "With the registry",
};

export default async function LandrushPage({
  params,
  searchParams,
}: {
  params: Promise<{ host: string }>;
  searchParams: Promise<{ name?: string | string[] }>;
}) {
  // A name chosen on the search page arrives filled in, after sign-in too.
  const { storefront, name, session, ctx, selling } = await openLaunchPage(
    "/account/landrush",
    (await params).host,
    (await searchParams).name,
  );
  const [applications, contact, checked] = await Promise.all([
    listLandrushApplications(ctx),
    applicantContactProps(ctx, session),
    name && selling ? checkOrProblem(() => checkLandrushName(ctx, storefront.id, name)) : null,
  ]);
  const applying = name && checked && "check" in checked ? { name, ...checked.check } : null;
  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-10 text-slate-900 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Landrush applications</h1>
      <section aria-labelledby="apply" className="space-y-3">
        <h2 id="apply" className="text-lg font-semibold">
          Apply in landrush
        </h2>
        <p className="text-sm">
          During landrush anyone may apply, at a higher price than later. Say the most you will pay: you pay that now,
          and if others apply for the same name it goes to the highest maximum when landrush ends, at the next highest
          one. You get back whatever you paid above the price, or everything if another applicant wins.
        </p>
        <LaunchNamePicker
          selling={selling}
          name={name}
          path="/account/landrush"
          hint="Such as brand.forge"
          doing="Applying for"
          refusalTitle="You cannot apply for this name now"
          problem={checked && "problem" in checked ? checked.problem : undefined}
        />
        {applying && (
          <ActionForm
            action={applyOwnLandrush}
            hidden={{ name: applying.name }}
            idempotent
            submitLabel="Continue to payment"
            pendingLabel="Checking…"
          >
            {applying.notice && <ClaimsNoticeBox name="claimsNoticeId" notice={applying.notice} />}
            <TextField
              name="maxBid"
              label="Your maximum"
              hint="At least the landrush price; we tell you the price if this is below it"
              inputMode="decimal"
              required
            />
            <SelectField
              name="years"
              label="Years"
              options={[1, 2, 3, 5].map((y) => ({ value: String(y), label: `${y} ${y === 1 ? "year" : "years"}` }))}
              defaultValue="1"
            />
            <ApplicantContactFieldset {...contact} />
          </ActionForm>
        )}
        {!selling && <p>This store is not taking orders at the moment.</p>}
      </section>
      <section aria-labelledby="applications" className="space-y-3">
        <h2 id="applications" className="text-lg font-semibold">
          Your applications
        </h2>
        {applications.length === 0 ? (
          <p className="text-sm">None yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
            {applications.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
                <span className="text-lg font-semibold">{a.subject}</span>
                <span className="flex flex-wrap items-center gap-3 text-sm">
                  <StatusBadge status={a.state} tone={ORDER_ITEM_STATE_WORDS[a.state].tone}>
                    {ORDER_ITEM_STATE_WORDS[a.state].label}
                  </StatusBadge>
                  {a.applicationStatus && <span>{APPLICATION_WORDS[a.applicationStatus]}</span>}
                  <span>
                    {a.cleared
                      ? `Charged ${formatMoney(a.retailAmount, a.currency)}`
                      : a.maxRetail !== null && `Maximum ${formatMoney(a.maxRetail, a.currency)}`}
                  </span>
                  <Link className="underline underline-offset-4" href={`/orders/${a.orderId}`}>
                    Order {shortOrderNumber(a.orderId)}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
