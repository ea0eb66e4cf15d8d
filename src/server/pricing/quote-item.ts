/**
 * The price of one thing for one reseller: retail (what the registrant pays), wholesale (what the
 * reseller's balance pays) and the registry's cost (what the registrar owes the registry), all for the
 * whole period. Storefront pages show `retail` only.
 */
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { PriceOperation } from "@/generated/prisma/enums";
import { loadPriceContext, priceKey, type PriceContext } from "./load-price-context";
import { marginOf, premiumRetail, premiumWholesale, retailFor, type RetailSource } from "./rules";

export type QuoteInput = {
  productCode: string;
  operation: PriceOperation;
  period?: number;
  /** The registry's fee for a premium name, for the whole period, in USD minor units (from `check`). */
  premiumFeeUsd?: number | null;
  at?: Date;
};

export type Quote = {
  productId: string;
  productCode: string;
  operator: string;
  operation: PriceOperation;
  period: number;
  currency: string;
  premium: boolean;
  retail: number;
  wholesale: number;
  margin: number;
  belowWholesale: boolean;
  registryCost: number;
  registryCurrency: string;
  source: RetailSource;
  label?: string;
};

export async function quoteItem(tx: Tx, resellerId: string, input: QuoteInput, pc?: PriceContext): Promise<Quote> {
  const at = input.at ?? new Date();
  const context = pc ?? (await loadPriceContext(tx, resellerId, at));
  const product = await tx.product.findUnique({
    where: { code: input.productCode },
    include: { registryCosts: { where: { operation: input.operation } } },
  });
  if (!product || !product.active) throw new AppError("NOT_FOUND", `We do not sell ${input.productCode}.`);
  // Restores are a one-off fee; everything else is priced per year.
  const period = input.operation === "restore" ? 1 : (input.period ?? 1);
  if (period < product.minPeriod || period > product.maxPeriod) {
    throw new AppError(
      "INVALID_INPUT",
      `Periods for ${product.name} are ${product.minPeriod} to ${product.maxPeriod} years.`,
      { fields: { period: "Out of range" } },
    );
  }
  const cost = product.registryCosts[0];
  const registryCurrency = cost?.currency ?? "USD";
  const operator = product.registryOperator ?? "registrar";

  if (input.premiumFeeUsd) {
    if (!context.perUsdMicros)
      throw new AppError("INTERNAL", undefined, { cause: `no exchange rate for ${context.currency}` });
    const wholesale = premiumWholesale(input.premiumFeeUsd, context.premiumRule, context.perUsdMicros);
    const retail = premiumRetail(wholesale, context.markup, context.rounding, context.exponent);
    return {
      productId: product.id,
      productCode: product.code,
      operator,
      operation: input.operation,
      period,
      currency: context.currency,
      premium: true,
      ...marginOf(wholesale, retail.amount),
      registryCost: input.premiumFeeUsd,
      registryCurrency,
      source: "premium",
    };
  }

  const key = priceKey(product.id, input.operation);
  const perYear = context.wholesale.get(key);
  if (perYear === undefined)
    throw new AppError("NOT_FOUND", `${product.name} ${input.operation} is not available in ${context.currency}.`);
  const retail = retailFor({
    wholesale: perYear,
    markup: context.markup,
    rounding: context.rounding,
    override: context.overrides.get(key),
    promotions: context.promotions.get(key),
    at,
    exponent: context.exponent,
  });
  return {
    productId: product.id,
    productCode: product.code,
    operator,
    operation: input.operation,
    period,
    currency: context.currency,
    premium: false,
    ...marginOf(perYear * period, retail.amount * period),
    registryCost: (cost?.amount ?? 0) * period,
    registryCurrency,
    source: retail.source,
    label: retail.label,
  };
}
