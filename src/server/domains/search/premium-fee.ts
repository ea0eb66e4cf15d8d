import type { Money } from "@/server/registry";

/**
 * A premium fee the registry quoted, in US cents, or undefined when it quoted another currency:
 * premium wholesale prices are computed from USD (pricing/quote-item.ts), and reading euros as
 * dollars would sell the name at the wrong price.
 */
export function premiumFeeUsd(fee: Money | undefined): number | undefined {
  return fee && fee.currency.trim().toUpperCase() === "USD" ? fee.amount : undefined;
}
