/** The cart: names to register or transfer, period and privacy per name, then checkout. */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { buttonClasses } from "@/components/button";
import { Notice } from "@/components/notice";
import { toUnicodeName } from "@/lib/domain-name";
import { EncodedName } from "@/components/encoded-name";
import { isSelling, loadStorefront } from "../_lib/storefront";
import { readCart } from "./_lib/cart-cookie";
import { removeFromCartAction, updateCartAction } from "./actions";

export const metadata: Metadata = { title: "Your cart" };

export default async function CartPage({ params }: { params: Promise<{ host: string }> }) {
  const storefront = await loadStorefront((await params).host);
  const cart = await readCart();
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Your cart</h1>
      {!isSelling(storefront) && (
        <Notice tone="warning" title="Not selling right now">
          {storefront.displayName} is not selling domain names at the moment.
        </Notice>
      )}
      {cart.length === 0 ? (
        <p>
          Your cart is empty.{" "}
          <Link href="/search" className="underline underline-offset-4">
            Search for a name
          </Link>
          .
        </p>
      ) : (
        <>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-slate-900">
            {cart.map((item) => (
              <li
                key={item.name}
                className="flex flex-col gap-3 p-4 sm:flex-row sm:items-end sm:justify-between"
                data-testid="cart-item"
              >
                <div>
                  <p className="font-semibold break-all">{toUnicodeName(item.name)}</p>
                  <EncodedName ascii={item.name} unicode={toUnicodeName(item.name)} />
                  <p className="text-sm text-slate-700">
                    {item.kind === "transfer" ? "Transfer in (adds one year)" : "New registration"}
                  </p>
                </div>
                <div className="flex flex-wrap items-end gap-3">
                  {item.kind === "register" && (
                    <ActionForm
                      action={updateCartAction}
                      hidden={{ name: item.name }}
                      submitLabel="Update"
                      variant="secondary"
                      layout="inline"
                    >
                      <label className="text-sm">
                        <span className="block font-medium">Years</span>
                        <select
                          name="years"
                          defaultValue={item.years}
                          className="mt-1 rounded-md border border-slate-300 px-2 py-1.5"
                        >
                          {Array.from({ length: 10 }, (_, i) => i + 1).map((y) => (
                            <option key={y} value={y}>
                              {y}
                            </option>
                          ))}
                        </select>
                      </label>
                      <label className="flex items-center gap-2 text-sm">
                        <input type="checkbox" name="privacy" defaultChecked={item.privacy} className="h-4 w-4" />{" "}
                        Privacy
                      </label>
                    </ActionForm>
                  )}
                  <ActionForm
                    action={removeFromCartAction}
                    hidden={{ name: item.name }}
                    submitLabel="Remove"
                    variant="ghost"
                    layout="inline"
                  />
                </div>
              </li>
            ))}
          </ul>
          <p className="text-sm">Prices are confirmed at checkout, where the registry is asked again.</p>
          <div className="flex flex-wrap gap-3">
            <Link href="/checkout" className={buttonClasses("brand", "px-6 py-3 text-base")}>
              Check out
            </Link>
            <Link href="/search" className={buttonClasses("secondary")}>
              Keep searching
            </Link>
          </div>
        </>
      )}
    </div>
  );
}
