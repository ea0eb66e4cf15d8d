/**
 * Money fixtures: a small catalogue with registry costs, a wholesale tier, and a reseller with billing
 * settings and an opening balance. Prices are per year in minor units.
 */
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { openResellerBilling, type OpenBillingInput } from "@/server/billing/open-reseller-billing";
import { adjustBalance } from "@/server/billing/adjust-balance";
import type { PriceOperation } from "@/generated/prisma/enums";

const OPS: PriceOperation[] = ["register", "renew", "transfer", "restore", "privacy"];

/** A TLD product with the same registry cost for every operation but privacy (free at the registry). */
export async function createTldProduct(tld: string, registryCost = 1_000, opts: { operator?: string } = {}) {
  return db.product.create({
    data: {
      kind: "domain",
      code: tld,
      name: `.${tld}`,
      registryOperator: opts.operator ?? `${tld}-registry`,
      registryCosts: {
        create: OPS.filter((o) => o !== "privacy").map((operation) => ({ operation, amount: registryCost })),
      },
    },
  });
}

/** A tier pricing each given product at `prices[code]` for every operation, in each currency. */
export async function createTier(
  name: string,
  prices: Record<string, number>,
  opts: { currencies?: string[]; premiumPercentBps?: number } = {},
) {
  const tier = await db.wholesaleTier.create({
    data: {
      name: `${name}-${randomUUID().slice(0, 4)}`,
      premiumRuleKind: "percent",
      premiumRuleValue: opts.premiumPercentBps ?? 1_000,
    },
  });
  const products = await db.product.findMany({ where: { code: { in: Object.keys(prices) } } });
  await db.wholesalePrice.createMany({
    data: products.flatMap((p) =>
      (opts.currencies ?? ["USD"]).flatMap((currency) =>
        OPS.map((operation) => ({ tierId: tier.id, productId: p.id, operation, currency, amount: prices[p.code] })),
      ),
    ),
  });
  return tier;
}

/** Opens billing for a reseller on `tierId` and, if `balance` > 0, credits it through a manual credit. */
export async function fundReseller(
  resellerId: string,
  tierId: string,
  balance: number,
  opts: Omit<OpenBillingInput, "resellerId" | "tierId"> = {},
) {
  await db.$transaction((tx) => openResellerBilling(tx, systemContext(), { resellerId, tierId, ...opts }));
  if (balance > 0) {
    await adjustBalance(systemContext(), {
      resellerId,
      direction: "credit",
      amount: balance,
      reason: "opening balance (test)",
    });
  }
}
