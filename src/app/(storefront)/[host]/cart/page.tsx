/**
 * The cart: each name with its price for the chosen period, privacy with its price, and the total,
 * all updated as years and privacy change. Prices are asked the same way checkout asks them.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { buttonClasses } from "@/components/button";
import { EncodedName } from "@/components/encoded-name";
import { Notice } from "@/components/notice";
import { formatMoney } from "@/lib/money";
import { systemContext } from "@/server/context";
import { prepareCheckout, type CheckoutLine } from "@/server/domains/checkout/prepare-checkout";
import { isSelling, loadStorefront } from "../_lib/storefront";
import { readCart } from "./_lib/cart-cookie";
import { removeFromCartAction } from "./actions";
import { CartLineOptions } from "./_components/cart-line-options";

export const metadata: Metadata = { title: "Your cart" };

const yearsWords = (n: number) => `${n} ${n === 1 ? "year" : "years"}`;

export default async function CartPage({ params }: { params: Promise<{ host: string }> }) {
  const storefront = await loadStorefront((await params).host);
  const cart = await readCart();
  const selling = isSelling(storefront);
  const lines: CheckoutLine[] =
    selling && cart.length
      ? await prepareCheckout(systemContext(storefront.id), { resellerId: storefront.id, items: cart })
      : [];
  const fmt = (n: number) => formatMoney(n, lines[0]?.currency ?? storefront.currency, storefront.locale);
  const priced = lines.filter((l) => !l.problem);
  const total = priced.reduce((s, l) => s + l.amount + (l.privacy ? (l.privacyAmount ?? 0) : 0), 0);
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Your cart</h1>
      {!selling && (
        <Notice tone="warning" title="Not selling right now">
          {storefront.displayName} is not selling domain names at the moment.
        </Notice>
      )}
      {cart.length === 0 || !selling ? (
        <p>
          {cart.length === 0 ? "Your cart is empty." : "Your cart is kept for when the store reopens."}{" "}
          <Link href="/search" className="underline underline-offset-4">
            Search for a name
          </Link>
          .
        </p>
      ) : (
        <>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-slate-900">
            {lines.map((l) => (
              <li key={l.name} className="space-y-3 p-4" data-testid="cart-item" data-name={l.name}>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <p className="font-semibold break-all">{l.unicodeName}</p>
                    <EncodedName ascii={l.name} unicode={l.unicodeName} />
                    <p className="text-sm text-slate-700">
                      {l.kind === "transfer"
                        ? "Transfer in (adds one year)"
                        : `New registration, ${yearsWords(l.years)}`}
                      {l.premium ? " · premium name" : ""}
                    </p>
                  </div>
                  {!l.problem && (
                    <p className="text-right tabular-nums" data-testid="cart-item-price">
                      <span className="block font-semibold">{fmt(l.amount)}</span>
                      {l.privacy && l.privacyAmount !== null && (
                        <span className="block text-sm text-slate-700">+ {fmt(l.privacyAmount)} privacy</span>
                      )}
                    </p>
                  )}
                </div>
                {l.problem && (
                  <p className="text-sm font-medium text-red-700">{l.problem} Remove it to check out the rest.</p>
                )}
                <div className="flex flex-wrap items-end justify-between gap-3">
                  {l.kind === "register" && !l.problem ? (
                    <CartLineOptions
                      name={l.name}
                      unicodeName={l.unicodeName}
                      years={l.years}
                      minYears={l.minPeriod}
                      maxYears={l.maxPeriod}
                      privacy={l.privacy}
                      privacyPrice={
                        l.privacyAmount === null ? null : `${fmt(l.privacyAmount)} for ${yearsWords(l.years)}`
                      }
                    />
                  ) : (
                    <span />
                  )}
                  <ActionForm
                    action={removeFromCartAction}
                    hidden={{ name: l.name }}
                    submitLabel={`Remove ${l.unicodeName}`}
                    pendingLabel="Removing…"
                    success={`${l.unicodeName} was removed from your cart.`}
                    variant="ghost"
                    layout="inline"
                  />
                </div>
              </li>
            ))}
          </ul>
          <p
            className="flex justify-between rounded-lg border border-slate-200 bg-white p-4 text-lg font-bold text-slate-900"
            aria-live="polite"
          >
            <span>Total</span>
            <span className="tabular-nums" data-testid="cart-total">
              {fmt(total)}
            </span>
          </p>
          <p className="text-sm">Checkout asks the registry once more, so a name taken meanwhile is not charged.</p>
          <div className="flex flex-wrap gap-3">
            {priced.length === lines.length ? (
              <Link href="/checkout" className={buttonClasses("brand", "px-6 py-3 text-base")}>
                Check out
              </Link>
            ) : (
              <p className="text-sm font-medium">Remove the names that cannot be bought to check out.</p>
            )}
            <Link href="/search" className={buttonClasses("secondary")}>
              Keep searching
            </Link>
          </div>
        </>
      )}
    </div>
  );
}
