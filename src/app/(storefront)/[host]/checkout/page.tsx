/** Checkout: the cart checked again, registrant contact, nameservers, auth codes, claims notices, then pay. */
import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { Notice } from "@/components/notice";
import { TestPaymentsNotice } from "@/components/test-payments-notice";
import { requireSession } from "@/server/auth/require-context";
import { moneyFormatOf } from "@/server/billing/money-format-of";
import { savedContacts } from "@/server/contacts/saved-contacts";
import { prepareCheckout } from "@/server/domains/checkout/prepare-checkout";
import { defaultNameservers } from "@/server/domains/checkout/place-domain-order";
import { testPaymentsOn } from "@/server/payments/get-payment-provider";
import { countries } from "@/lib/countries";
import { isSelling, loadStorefront } from "../_lib/storefront";
import { readCart } from "../cart/_lib/cart-cookie";
import { CheckoutForm } from "./_components/checkout-form";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage({ params }: { params: Promise<{ host: string }> }) {
  const storefront = await loadStorefront((await params).host);
  const session = await requireSession("storefront", { next: "/checkout" });
  const { ctx } = session;
  const cart = await readCart();
  if (!isSelling(storefront)) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <Notice tone="warning" title="Not selling right now">
          {storefront.displayName} is not selling domain names at the moment.
        </Notice>
      </div>
    );
  }
  if (!cart.length) {
    return (
      <div className="mx-auto max-w-3xl space-y-4 px-4 py-10 sm:px-6">
        <h1 className="text-3xl font-bold tracking-tight">Checkout</h1>
        <p>
          Your cart is empty.{" "}
          <Link href="/search" className="underline underline-offset-4">
            Search for a name
          </Link>
          .
        </p>
      </div>
    );
  }
  const [lines, { locale }, saved] = await Promise.all([
    prepareCheckout(ctx, { resellerId: storefront.id, items: cart }),
    moneyFormatOf(storefront.id),
    savedContacts(ctx),
  ]);
  // New details start from the last contact saved, else from the account: a returning buyer types nothing.
  const prefill = saved[0] ?? { name: session.name, email: session.email };
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Checkout</h1>
      {testPaymentsOn() && <TestPaymentsNotice />}
      <CheckoutForm
        lines={lines}
        locale={locale}
        idempotencyKey={randomUUID()}
        savedContacts={saved.map((c) => ({ id: c.id, label: `${c.name} · ${c.email} · ${c.city}` }))}
        prefill={prefill}
        defaultNameservers={defaultNameservers()}
        countries={countries()}
      />
    </div>
  );
}
