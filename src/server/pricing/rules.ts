/**
 * Pure pricing rules (no database): markup and rounding, per-TLD overrides, promotions by date, the
 * premium rule, and the margin warning. All amounts are integer minor units of one currency.
 */
export type Markup = { kind: "percent" | "fixed"; value: number };
export type Rounding = "none" | "cents99" | "whole";
export type PremiumRule = { kind: "percent" | "fixed"; value: number };
export type PromotionWindow = { amount: number; startsAt: Date; endsAt: Date; label: string };

export type RetailSource = "markup" | "override" | "promotion" | "premium";
export type RetailPrice = { amount: number; source: RetailSource; label?: string };

/** Rounds up, so rounding never eats into the markup: 1234 → 1299 (cents99) or 1300 (whole). */
export function roundPrice(amount: number, rounding: Rounding, exponent = 2): number {
  const unit = 10 ** exponent;
  if (rounding === "none" || unit === 1) return amount;
  if (rounding === "whole") return Math.ceil(amount / unit) * unit;
  return Math.ceil((amount + 1) / unit) * unit - 1;
}

export function applyMarkup(wholesale: number, markup: Markup, rounding: Rounding, exponent = 2): number {
  const raw =
    markup.kind === "percent" ? Math.ceil((wholesale * (10_000 + markup.value)) / 10_000) : wholesale + markup.value;
  return roundPrice(raw, rounding, exponent);
}

/** The promotion running at `at` (start inclusive, end exclusive); the cheapest when several overlap. */
export function activePromotion(promotions: PromotionWindow[], at: Date): PromotionWindow | undefined {
  const t = at.getTime();
  return promotions
    .filter((p) => p.startsAt.getTime() <= t && t < p.endsAt.getTime())
    .sort((a, b) => a.amount - b.amount)[0];
}

/**
 * Retail per year for a standard name: a running promotion wins, then the reseller's per-TLD
 * override, then the default markup on wholesale.
 */
export function retailFor(input: {
  wholesale: number;
  markup: Markup;
  rounding: Rounding;
  override?: number | null;
  promotions?: PromotionWindow[];
  at: Date;
  exponent?: number;
}): RetailPrice {
  const promo = activePromotion(input.promotions ?? [], input.at);
  if (promo) return { amount: promo.amount, source: "promotion", label: promo.label };
  if (input.override !== undefined && input.override !== null) return { amount: input.override, source: "override" };
  return { amount: applyMarkup(input.wholesale, input.markup, input.rounding, input.exponent), source: "markup" };
}

/** Converts a USD amount with the registrar's fixed rate (units per USD × 1e6), rounding up. */
export function convertFromUsd(amountUsd: number, perUsdMicros: number): number {
  return Math.ceil((amountUsd * perUsdMicros) / 1_000_000);
}

/**
 * Premium names: wholesale follows the registry's fee for the name (in USD, converted) with the
 * tier's rule on top. Percent is basis points; fixed is USD minor units, converted the same way.
 */
export function premiumWholesale(registryFeeUsd: number, rule: PremiumRule, perUsdMicros: number): number {
  const fee = convertFromUsd(registryFeeUsd, perUsdMicros);
  if (rule.kind === "percent") return Math.ceil((fee * (10_000 + rule.value)) / 10_000);
  return fee + convertFromUsd(rule.value, perUsdMicros);
}

/** Premium retail: the reseller's default markup on the premium wholesale (overrides and promotions are per-TLD prices and do not apply). */
export function premiumRetail(wholesale: number, markup: Markup, rounding: Rounding, exponent = 2): RetailPrice {
  return { amount: applyMarkup(wholesale, markup, rounding, exponent), source: "premium" };
}

export type Margin = { wholesale: number; retail: number; margin: number; belowWholesale: boolean };

export function marginOf(wholesale: number, retail: number): Margin {
  return { wholesale, retail, margin: retail - wholesale, belowWholesale: retail < wholesale };
}
