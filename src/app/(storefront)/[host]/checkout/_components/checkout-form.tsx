"use client";
/**
 * The checkout form. The idempotency key is fixed when the page renders, so a double click or a
 * re-post sends the same key and the server answers with the same order. Typed values survive errors.
 */
import { useActionState, useState } from "react";
import { buttonClasses } from "@/components/button";
import { EncodedName } from "@/components/encoded-name";
import { controlClasses } from "@/components/form-field";
import { CONTACT_INPUTS } from "@/lib/contact-rules";
import { formatMoney } from "@/lib/money";
import type { CheckoutLine } from "@/server/domains/checkout/prepare-checkout";
import { placeOrderAction } from "../actions";

type Props = {
  lines: CheckoutLine[];
  locale: string;
  idempotencyKey: string;
  savedContacts: { id: string; label: string }[];
  defaultNameservers: string[];
  countries: { code: string; name: string }[];
};

export function CheckoutForm({ lines, locale, idempotencyKey, savedContacts, defaultNameservers, countries }: Props) {
  const [result, dispatch, pending] = useActionState(placeOrderAction, null);
  const [contactMode, setContactMode] = useState(savedContacts[0]?.id ?? "new");
  const [nsMode, setNsMode] = useState("default");
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  const kept = result && !result.ok ? (result.values ?? {}) : {};
  const fmt = (n: number) => formatMoney(n, lines[0]?.currency ?? "USD", locale);
  const buyable = lines.filter((l) => !l.problem);
  const total = buyable.reduce((s, l) => s + l.amount + (l.privacy ? (l.privacyAmount ?? 0) : 0), 0);
  const err = (k: string) =>
    fields[k] && (
      <p id={`${k}-error`} className="text-sm text-red-700">
        {fields[k]}
      </p>
    );

  return (
    <form action={dispatch} className="space-y-8">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <section
        aria-labelledby="items-heading"
        className="rounded-lg border border-slate-200 bg-white p-5 text-slate-900"
      >
        <h2 id="items-heading" className="text-lg font-semibold">
          Your names
        </h2>
        <ul className="mt-3 divide-y divide-slate-100">
          {lines.map((l) => (
            <li key={l.name} className="space-y-2 py-3" data-testid="checkout-line">
              <div className="flex flex-wrap justify-between gap-2">
                <span className="font-medium break-all">
                  {l.unicodeName}{" "}
                  <span className="text-sm font-normal text-slate-600">
                    {l.kind === "transfer" ? "transfer in, +1 year" : `${l.years} ${l.years === 1 ? "year" : "years"}`}
                    {l.premium ? " · premium" : ""}
                  </span>
                </span>
                {!l.problem && <span className="tabular-nums">{fmt(l.amount)}</span>}
              </div>
              <EncodedName ascii={l.name} unicode={l.unicodeName} />
              {l.privacy && l.privacyAmount !== null && (
                <p className="flex justify-between text-sm text-slate-700">
                  <span>Privacy</span>
                  <span className="tabular-nums">{fmt(l.privacyAmount)}</span>
                </p>
              )}
              {l.note && <p className="text-sm text-slate-700">{l.note}</p>}
              {l.problem && (
                <p className="text-sm text-red-700" role="alert">
                  {l.problem} Remove it from your cart to continue.
                </p>
              )}
              {err(`item:${l.name}`)}
              {l.kind === "transfer" && !l.problem && (
                <div className="space-y-1">
                  <label htmlFor={`auth-${l.name}`} className="block text-sm font-medium">
                    Auth code from your current registrar
                  </label>
                  <input
                    id={`auth-${l.name}`}
                    name={`authCode:${l.name}`}
                    autoComplete="off"
                    className={controlClasses(!!fields[`authCode:${l.name}`])}
                    aria-describedby={fields[`authCode:${l.name}`] ? `authCode:${l.name}-error` : undefined}
                  />
                  {err(`authCode:${l.name}`)}
                </div>
              )}
              {l.claims && (
                <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
                  <p className="font-semibold">Trademark notice</p>
                  <p className="mt-1">{l.claims.text}</p>
                  <label className="mt-2 flex items-start gap-2">
                    <input
                      type="checkbox"
                      name={`claims:${l.name}`}
                      value={l.claims.noticeId}
                      className="mt-0.5 h-4 w-4"
                    />
                    <span>
                      I have read and understood this notice and accept it (valid until{" "}
                      {l.claims.notAfter.slice(0, 16).replace("T", " ")} UTC).
                    </span>
                  </label>
                  {err(`claims:${l.name}`)}
                </div>
              )}
            </li>
          ))}
        </ul>
        <p className="mt-3 flex justify-between border-t border-slate-200 pt-3 text-lg font-bold">
          <span>Total</span>
          <span className="tabular-nums" data-testid="checkout-total">
            {fmt(total)}
          </span>
        </p>
      </section>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 text-slate-900">
        <legend className="px-1 text-lg font-semibold">Registrant contact</legend>
        {savedContacts.length > 0 && (
          <div className="space-y-1">
            <label htmlFor="contactId" className="block text-sm font-medium">
              Use a saved contact
            </label>
            <select
              id="contactId"
              name="contactId"
              value={contactMode}
              onChange={(e) => setContactMode(e.target.value)}
              className={controlClasses(false)}
            >
              {savedContacts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
              <option value="new">Someone else (enter details)</option>
            </select>
          </div>
        )}
        {contactMode === "new" && (
          <div className="grid gap-3 sm:grid-cols-2">
            {CONTACT_INPUTS.map(([k, label, auto]) => (
              <div key={k} className="space-y-1">
                <label htmlFor={`contact-${k}`} className="block text-sm font-medium">
                  {label}
                </label>
                <input
                  id={`contact-${k}`}
                  name={`contact.${k}`}
                  autoComplete={auto}
                  defaultValue={kept[`contact.${k}`] ?? ""}
                  className={controlClasses(!!fields[k])}
                  aria-invalid={fields[k] ? true : undefined}
                  aria-describedby={fields[k] ? `${k}-error` : undefined}
                />
                {err(k)}
              </div>
            ))}
            <div className="space-y-1">
              <label htmlFor="contact-countryCode" className="block text-sm font-medium">
                Country
              </label>
              <select
                id="contact-countryCode"
                name="contact.countryCode"
                defaultValue={kept["contact.countryCode"] ?? ""}
                className={controlClasses(!!fields.countryCode)}
              >
                <option value="">Choose…</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
              {err("countryCode")}
            </div>
          </div>
        )}
      </fieldset>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 text-slate-900">
        <legend className="px-1 text-lg font-semibold">Nameservers</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="nsMode"
            value="default"
            checked={nsMode === "default"}
            onChange={() => setNsMode("default")}
          />{" "}
          Use ours: {defaultNameservers.join(", ")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="nsMode"
            value="custom"
            checked={nsMode === "custom"}
            onChange={() => setNsMode("custom")}
          />{" "}
          Use my own
        </label>
        {nsMode === "custom" && (
          <div className="space-y-1">
            <label htmlFor="nameservers" className="block text-sm font-medium">
              Nameservers, one per line (at least two)
            </label>
            <textarea
              id="nameservers"
              name="nameservers"
              rows={3}
              defaultValue={kept.nameservers ?? ""}
              className={controlClasses(!!fields.nameservers)}
            />
            {err("nameservers")}
          </div>
        )}
      </fieldset>

      {result && !result.ok && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {result.message}
        </div>
      )}
      <button
        type="submit"
        disabled={pending || buyable.length !== lines.length}
        className={buttonClasses("brand", "px-6 py-3 text-base")}
      >
        {pending ? "Placing your order…" : `Place order and pay ${fmt(total)}`}
      </button>
    </form>
  );
}
