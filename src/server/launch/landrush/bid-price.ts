/**
 * Between the registrant's maximum (retail, in the store's currency) and the registry's sealed bid
 * (USD): the bid is the largest registry fee whose retail price, by the reseller's premium rule and
 * markup, stays within the maximum. The same rule prices the clearing price afterwards, so the
 * registrant is never charged more than they stated.
 */
import { premiumRetail, premiumWholesale } from "@/server/pricing/rules";
import type { PriceContext } from "@/server/pricing/load-price-context";

export type FeePrice = { wholesale: number; retail: number };

export function priceOfFee(pc: PriceContext, feeUsd: number): FeePrice {
  const wholesale = premiumWholesale(feeUsd, pc.premiumRule, pc.perUsdMicros);
  return { wholesale, retail: premiumRetail(wholesale, pc.markup, pc.rounding, pc.exponent).amount };
}

/** The largest fee in [phaseFeeUsd, ∞) priced within maxRetail, or null when even the phase fee is not. */
export function bidFor(pc: PriceContext, phaseFeeUsd: number, maxRetail: number): number | null {
  if (priceOfFee(pc, phaseFeeUsd).retail > maxRetail) return null;
  let lo = phaseFeeUsd;
  let hi = phaseFeeUsd * 2;
  // Retail is non-decreasing in the fee: widen, then bisect.
  while (priceOfFee(pc, hi).retail <= maxRetail && hi < Number.MAX_SAFE_INTEGER / 4) [lo, hi] = [hi, hi * 2];
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (priceOfFee(pc, mid).retail <= maxRetail) lo = mid;
    else hi = mid;
  }
  return lo;
}
