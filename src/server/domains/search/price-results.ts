/**
 * Retail prices for search results through money's quote: standard prices for every extension (they
 * do not depend on the registry's answer, so they are computed while the checks run), and premium
 * prices from the registry's fee once the check has said a name is premium.
 */
import type { Tx } from "@/server/db";
import { isAppError } from "@/server/errors";
import type { PriceContext } from "@/server/pricing/load-price-context";
import { quoteItem } from "@/server/pricing/quote-item";
import type { DomainCheck } from "@/server/registry";
import { premiumFeeUsd } from "./premium-fee";
import type { SearchResult } from "./types";

export type Price = NonNullable<SearchResult["price"]>;

async function quoteOrNull(
  tx: Tx,
  pc: PriceContext,
  productCode: string,
  operation: "register" | "renew",
  premiumFeeUsd?: number,
): Promise<{ amount: number; label?: string } | null> {
  try {
    const q = await quoteItem(tx, pc.resellerId, { productCode, operation, period: 1, premiumFeeUsd }, pc);
    return { amount: q.retail, label: q.source === "promotion" ? q.label : undefined };
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
}

export async function standardPrices(tx: Tx, pc: PriceContext, tlds: string[]): Promise<Map<string, Price>> {
  const rows = await Promise.all(
    tlds.map(async (tld) => {
      const [register, renew] = await Promise.all([
        quoteOrNull(tx, pc, tld, "register"),
        quoteOrNull(tx, pc, tld, "renew"),
      ]);
      const price: Price | null =
        register && renew
          ? { currency: pc.currency, register: register.amount, renew: renew.amount, promotion: register.label }
          : null;
      return { tld, price };
    }),
  );
  const map = new Map<string, Price>();
  for (const r of rows) if (r.price) map.set(r.tld, r.price);
  return map;
}

export async function premiumPrice(tx: Tx, pc: PriceContext, tld: string, check: DomainCheck): Promise<Price | null> {
  const create = premiumFeeUsd(check.prices.create);
  if (!create) return null;
  const renewFee = check.prices.renew ? premiumFeeUsd(check.prices.renew) : create;
  if (!renewFee) return null;
  const [register, renew] = await Promise.all([
    quoteOrNull(tx, pc, tld, "register", create),
    quoteOrNull(tx, pc, tld, "renew", renewFee),
  ]);
  return register && renew ? { currency: pc.currency, register: register.amount, renew: renew.amount } : null;
}
