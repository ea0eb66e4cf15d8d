/**
 * Pre-orders: order a name in an extension that is not open to everyone yet and pay now; the money is
 * held and the name goes to the registry the moment the extension opens, in the order pre-orders were
 * received, or is refunded if someone else gets it. The name comes first (typed or from a search
 * result), so a name matching a registered trademark shows its claims notice before payment. Below:
 * the pre-orders made so far with what happened, and the launches the registrant follows by mail.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { SelectField } from "@/components/form-controls";
import { ClaimsNoticeBox } from "@/components/claims-notice-box";
import { StatusBadge } from "@/components/status-badge";
import { launchPhaseWords } from "@/lib/launch-phase-words";
import { ORDER_ITEM_STATE_WORDS } from "@/lib/order-item-words";
import { shortOrderNumber } from "@/lib/order-number";
import { formatMoney } from "@/lib/money";
import { checkPreorderName } from "@/server/launch/preorder-orders/preorder-check";
import { listOwnInterests, listPreorders } from "@/server/launch/preorder-orders/list-preorders";
import { checkOrProblem, openLaunchPage } from "../_lib/launch-page";
import { applicantContactProps } from "../_lib/applicant-contact-props";
import { ApplicantContactFieldset } from "../_components/applicant-contact-fieldset";
import { LaunchNamePicker } from "../_components/launch-name-picker";
import { followOwnLaunch, placeOwnPreorder } from "./actions";

export const metadata: Metadata = { title: "Pre-orders" };

/** What a pre-order's state means for its buyer; the engine's generic words do not say "waiting for the launch". */
const PREORDER_WORDS: Partial<Record<string, string>> = {
  pending_payment: "Waiting for payment",
  paid: "Queued",
  provisioning: "Queued",
  pending_registry: "Waiting for the extension to open",
  completed: "Registered: the name is yours",
  failed: "Not registered: refunded",
  refunding: "Not registered: refund on its way",
  refunded: "Not registered: refunded",
};

export default async function PreordersPage({
  params,
  searchParams,
}: {
  params: Promise<{ host: string }>;
  searchParams: Promise<{ name?: string | string[] }>;
}) {
  // A name chosen on the search page arrives filled in, after sign-in too.
  const { storefront, name, session, ctx, selling } = await openLaunchPage(
    "/account/preorders",
    (await params).host,
    (await searchParams).name,
  );
  const [preorders, interests, contact, checked] = await Promise.all([
    listPreorders(ctx),
    listOwnInterests(ctx),
    applicantContactProps(ctx, session),
    name && selling ? checkOrProblem(() => checkPreorderName(ctx, storefront.id, name)) : null,
  ]);
  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-10 text-slate-900 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Pre-orders</h1>
      <section aria-labelledby="preorder" className="space-y-3">
        <h2 id="preorder" className="text-lg font-semibold">
          Pre-order a name
        </h2>
        <p className="text-sm">
          Pay now for a name in an extension that is not open to everyone yet. We hold the payment and send your order
          to the registry the moment the extension opens, in the order we received pre-orders. If someone else gets the
          name first, you get everything back.
        </p>
        <LaunchNamePicker
          selling={selling}
          name={name}
          path="/account/preorders"
          hint="Such as brand.nova"
          doing="Pre-ordering"
          refusalTitle="You cannot pre-order this name"
          problem={checked && "problem" in checked ? checked.problem : undefined}
        />
        {checked && "check" in checked && name && (
          <>
            <p className="text-sm">
              Now: {launchPhaseWords(checked.check.phase)?.badge ?? checked.check.phase}.{" "}
              {launchPhaseWords(checked.check.phase)?.explanation}
            </p>
            <ActionForm
              action={placeOwnPreorder}
              hidden={{ name }}
              idempotent
              submitLabel="Continue to payment"
              pendingLabel="Checking…"
            >
              {checked.check.claims && <ClaimsNoticeBox name="claimsNoticeId" notice={checked.check.claims} />}
              <SelectField
                name="years"
                label="Years"
                options={[1, 2, 3, 5].map((y) => ({ value: String(y), label: `${y} ${y === 1 ? "year" : "years"}` }))}
                defaultValue="1"
              />
              <ApplicantContactFieldset {...contact} />
            </ActionForm>
            <ActionForm
              action={followOwnLaunch}
              hidden={{ subject: name }}
              submitLabel="Tell me when it opens"
              pendingLabel="Saving…"
              variant="secondary"
              success="We will mail you when it enters each new phase."
              layout="inline"
            />
          </>
        )}
        {!selling && <p>This store is not taking orders at the moment.</p>}
      </section>
      <section aria-labelledby="preorders" className="space-y-3">
        <h2 id="preorders" className="text-lg font-semibold">
          Your pre-orders
        </h2>
        {preorders.length === 0 ? (
          <p className="text-sm">None yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
            {preorders.map((p) => (
              <li
                key={p.id}
                className="flex flex-wrap items-center justify-between gap-3 px-5 py-4"
                data-testid="preorder"
                data-name={p.subject}
              >
                <span className="text-lg font-semibold">{p.subject}</span>
                <span className="flex flex-wrap items-center gap-3 text-sm">
                  <StatusBadge status={p.state} tone={ORDER_ITEM_STATE_WORDS[p.state].tone}>
                    {PREORDER_WORDS[p.state] ?? ORDER_ITEM_STATE_WORDS[p.state].label}
                  </StatusBadge>
                  {p.outcome?.result === "refused" && <span>{p.outcome.message}</span>}
                  <span>{formatMoney(p.retailAmount, p.currency)}</span>
                  <Link className="underline underline-offset-4" href={`/orders/${p.orderId}`}>
                    Order {shortOrderNumber(p.orderId)}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {interests.length > 0 && (
        <section aria-labelledby="following" className="space-y-3">
          <h2 id="following" className="text-lg font-semibold">
            Launches you follow
          </h2>
          <ul className="list-inside list-disc text-sm">
            {interests.map((i) => (
              <li key={i.id}>
                {i.subject.includes(".") ? i.subject : `.${i.subject}`}: mailed about{" "}
                {i.notifiedPhases.map((ph) => launchPhaseWords(ph)?.badge ?? "general availability").join(", ")}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
