/** Everything that prices one reseller's catalogue, read once: tier, currency, rules, overrides, promotions. */
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { PriceOperation } from "@/generated/prisma/enums";
import { currencyExponent } from "@/lib/money";
import type { Markup, PremiumRule, PromotionWindow, Rounding } from "./rules";

export type PriceContext = {
  resellerId: string;
  currency: string;
  locale: string;
  exponent: number;
  tierId: string;
  tierName: string;
  premiumRule: PremiumRule;
  markup: Markup;
  rounding: Rounding;
  perUsdMicros: number;
  wholesale: Map<string, number>;
  overrides: Map<string, number>;
  promotions: Map<string, PromotionWindow[]>;
};

export const priceKey = (productId: string, operation: PriceOperation) => `${productId}:${operation}`;

export async function loadPriceContext(tx: Tx, resellerId: string, at: Date = new Date()): Promise<PriceContext> {
  const reseller = await tx.reseller.findUnique({
    where: { id: resellerId },
    select: { currency: true, locale: true },
  });
  const billing = await tx.resellerBilling.findUnique({ where: { resellerId }, include: { tier: true } });
  if (!reseller || !billing) throw new AppError("NOT_FOUND", "This reseller has no price list yet.");
  const currency = reseller.currency;
  const [prices, overrides, promotions, rate] = await Promise.all([
    tx.wholesalePrice.findMany({ where: { tierId: billing.tierId, currency } }),
    tx.retailOverride.findMany({ where: { resellerId } }),
    // Promotions that have not ended: the console lists upcoming ones, quotes pick the running one.
    tx.promotion.findMany({ where: { resellerId, endsAt: { gt: at } } }),
    tx.exchangeRate.findUnique({ where: { currency } }),
  ]);
  const promoMap = new Map<string, PromotionWindow[]>();
  for (const p of promotions) {
    const k = priceKey(p.productId, p.operation);
    promoMap.set(k, [
      ...(promoMap.get(k) ?? []),
      { amount: p.amount, startsAt: p.startsAt, endsAt: p.endsAt, label: p.label },
    ]);
  }
  return {
    resellerId,
    currency,
    locale: reseller.locale,
    exponent: currencyExponent(currency),
    tierId: billing.tierId,
    tierName: billing.tier.name,
    premiumRule: { kind: billing.tier.premiumRuleKind, value: billing.tier.premiumRuleValue },
    markup: { kind: billing.markupKind, value: billing.markupValue },
    rounding: billing.rounding,
    perUsdMicros: currency === "USD" ? 1_000_000 : (rate?.perUsdMicros ?? 0),
    wholesale: new Map(prices.map((p) => [priceKey(p.productId, p.operation), p.amount])),
    overrides: new Map(overrides.map((o) => [priceKey(o.productId, o.operation), o.amount])),
    promotions: promoMap,
  };
}
