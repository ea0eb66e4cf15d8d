"use client";
/**
 * The checkout form, on ActionForm: required fields marked and checked before sending, every error
 * in the summary first and beside its field, focus never dropped. The idempotency key is fixed when
 * the page renders, so a double press or a re-post places one order. Contact fields start from what
 * the registrant saved last (or their account's name and email), so a returning buyer types nothing.
 */
import Link from "next/link";
import { useState } from "react";
import { ActionForm, FormSubmitButton } from "@/components/action-form";
import { EncodedName } from "@/components/encoded-name";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/form-field";
import { CONTACT_ALWAYS_REQUIRED, CONTACT_INPUTS, type ContactFields } from "@/lib/contact-rules";
import { formatMoney } from "@/lib/money";
import type { CheckoutLine } from "@/server/domains/checkout/prepare-checkout";
import { placeOrderAction } from "../actions";

export type SavedContact = { id: string; label: string };

type Props = {
  lines: CheckoutLine[];
  locale: string;
  idempotencyKey: string;
  savedContacts: SavedContact[];
  /** What new contact details start with: the last saved contact, else the account's name and email. */
  prefill: Partial<ContactFields>;
  defaultNameservers: string[];
  countries: { code: string; name: string }[];
};

const NEW = "new";

export function CheckoutForm({
  lines,
  locale,
  idempotencyKey,
  savedContacts,
  prefill,
  defaultNameservers,
  countries,
}: Props) {
  const [contactMode, setContactMode] = useState(savedContacts[0]?.id ?? NEW);
  const [nsMode, setNsMode] = useState("default");
  const fmt = (n: number) => formatMoney(n, lines[0]?.currency ?? "USD", locale);
  const problems = lines.filter((l) => l.problem);
  const total = lines
    .filter((l) => !l.problem)
    .reduce((s, l) => s + l.amount + (l.privacy ? (l.privacyAmount ?? 0) : 0), 0);

  return (
    <ActionForm
      action={placeOrderAction}
      hidden={{ idempotencyKey }}
      idPrefix="checkout"
      submitLabel={`Place order and pay ${fmt(total)}`}
      submitPlacement="custom"
      className="space-y-8"
    >
      <section
        aria-labelledby="items-heading"
        className="rounded-lg border border-slate-200 bg-white p-5 text-slate-900"
      >
        <h2 id="items-heading" className="text-lg font-semibold">
          Your names
        </h2>
        <ul className="mt-3 divide-y divide-slate-100">
          {lines.map((l) => (
            <li key={l.name} id={`checkout-item:${l.name}`} className="space-y-2 py-3" data-testid="checkout-line">
              <div className="flex flex-wrap justify-between gap-2">
                <span className="font-medium break-all">
                  {l.unicodeName}{" "}
                  <span className="text-sm font-normal text-slate-700">
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
              {l.problem && <p className="text-sm font-medium text-red-700">{l.problem}</p>}
              {l.kind === "transfer" && !l.problem && (
                <TextField
                  name={`authCode:${l.name}`}
                  label={`Auth code for ${l.unicodeName}, from your current registrar`}
                  autoComplete="off"
                  required
                />
              )}
              {l.claims && (
                <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
                  <p className="font-semibold">Trademark notice</p>
                  <p>{l.claims.text}</p>
                  <CheckboxField
                    name={`claims:${l.name}`}
                    value={l.claims.noticeId}
                    required
                    label={`I have read and understood this notice and accept it (valid until ${l.claims.notAfter
                      .slice(0, 16)
                      .replace("T", " ")} UTC).`}
                  />
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
          <SelectField
            name="contactId"
            label="Use a saved contact"
            value={contactMode}
            onChange={(e) => setContactMode(e.target.value)}
            options={[
              ...savedContacts.map((c) => ({ value: c.id, label: c.label })),
              { value: NEW, label: "Enter new details" },
            ]}
          />
        )}
        {contactMode === NEW && (
          <div className="grid gap-3 sm:grid-cols-2">
            {CONTACT_INPUTS.map(([k, label, auto]) => (
              <TextField
                key={k}
                name={k}
                label={label}
                autoComplete={auto}
                type={k === "email" ? "email" : k === "phone" ? "tel" : "text"}
                defaultValue={prefill[k] ?? ""}
                required={CONTACT_ALWAYS_REQUIRED.includes(k)}
              />
            ))}
            <SelectField
              name="countryCode"
              label="Country"
              defaultValue={prefill.countryCode ?? ""}
              required
              options={[{ value: "", label: "Choose…" }, ...countries.map((c) => ({ value: c.code, label: c.name }))]}
            />
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
            className="h-4 w-4"
          />
          Use ours: {defaultNameservers.join(", ")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="nsMode"
            value="custom"
            checked={nsMode === "custom"}
            onChange={() => setNsMode("custom")}
            className="h-4 w-4"
          />
          Use my own
        </label>
        {nsMode === "custom" && (
          <TextAreaField name="nameservers" label="Nameservers, one per line (at least two)" rows={3} required />
        )}
      </fieldset>

      {problems.length > 0 ? (
        <p className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {problems.length === 1 ? "One name" : `${problems.length} names`} cannot be bought now.{" "}
          <Link href="/cart" className="font-semibold underline underline-offset-4">
            Remove {problems.length === 1 ? "it" : "them"} from your cart
          </Link>{" "}
          to place the order.
        </p>
      ) : (
        <FormSubmitButton variant="brand" pendingLabel="Placing your order…" className="px-6 py-3 text-base">
          {`Place order and pay ${fmt(total)}`}
        </FormSubmitButton>
      )}
    </ActionForm>
  );
}
