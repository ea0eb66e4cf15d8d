/**
 * Catalogue, registry costs, two wholesale tiers priced in USD, EUR and GBP, and billing for the demo
 * resellers: Acme on Standard with a 25% markup rounded to .99, Nimbus on Volume with a fixed 5.00
 * markup rounded to whole units, a .io override and a .co promotion, so their storefront prices
 * differ. Each gets an opening prepaid balance (an idempotent ledger entry).
 */
import type { Db } from "../../src/server/db";
import { systemContext } from "../../src/server/context";
import type { PriceOperation } from "../../src/generated/prisma/enums";
import { openResellerBilling, type OpenBillingInput } from "../../src/server/billing/open-reseller-billing";
import { postEntry } from "../../src/server/billing/post-entry";
import { resellerAccount } from "../../src/server/billing/accounts";
import { convertFromUsd } from "../../src/server/pricing/rules";
import { SEED_OTHER_PRODUCTS, SEED_RATES, SEED_TIERS, SEED_TLDS } from "./catalog-data";

const DOMAIN_OPS: PriceOperation[] = ["register", "renew", "transfer", "restore"];

async function seedProducts(db: Db) {
  for (const t of SEED_TLDS) {
    const data = {
      kind: "domain" as const,
      name: `.${t.tld}`,
      registryOperator: t.operator,
      dnssec: t.dnssec,
      launchPhase: t.launchPhase,
      policySummary: t.policySummary,
      transferRules: t.transferRules ?? "",
      idnTables: t.idnTables ?? [],
    };
    // Dates fixed at the first seed, as the registry's anchor is at its first start: a re-seed keeps them.
    const launch = t.launch && {
      phases: t.launch.map(({ startDay, ...ph }) => ({
        ...ph,
        startsAt: new Date(Date.now() + startDay * 86_400_000).toISOString(),
      })),
    };
    const p = await db.product.upsert({
      where: { code: t.tld },
      create: { code: t.tld, ...data, ...(launch ? { details: { launch } } : {}) },
      update: data,
    });
    for (const operation of DOMAIN_OPS) {
      const amount = operation === "restore" ? (t.restore ?? 4_000) + t.cost : t.cost;
      await db.registryCost.upsert({
        where: { productId_operation: { productId: p.id, operation } },
        create: { productId: p.id, operation, amount },
        update: { amount },
      });
    }
  }
  for (const o of SEED_OTHER_PRODUCTS) {
    // Slots for later capabilities are present in the catalogue but not on sale until they switch them on.
    const p = await db.product.upsert({
      where: { code: o.code },
      create: {
        kind: o.kind,
        code: o.code,
        name: o.name,
        active: o.onSale ?? false,
        maxPeriod: o.maxPeriod ?? 1,
        details: o.details,
      },
      update: {},
    });
    for (const operation of ["register", "renew"] as const) {
      await db.registryCost.upsert({
        where: { productId_operation: { productId: p.id, operation } },
        create: { productId: p.id, operation, amount: o.cost },
        update: {},
      });
    }
  }
  for (const [currency, perUsdMicros] of Object.entries(SEED_RATES)) {
    await db.exchangeRate.upsert({ where: { currency }, create: { currency, perUsdMicros }, update: {} });
  }
}

async function seedTiers(db: Db) {
  const costs = await db.registryCost.findMany();
  const ids: Record<string, string> = {};
  for (const t of SEED_TIERS) {
    const tier = await db.wholesaleTier.upsert({
      where: { name: t.name },
      create: {
        name: t.name,
        description: t.description,
        premiumRuleKind: t.premium.kind,
        premiumRuleValue: t.premium.value,
      },
      update: {},
    });
    ids[t.name] = tier.id;
    const rows: { productId: string; operation: PriceOperation; usd: number }[] = costs.map((c) => ({
      productId: c.productId,
      operation: c.operation,
      usd: Math.ceil((c.amount * (10_000 + t.upliftBps)) / 10_000),
    }));
    const domains = await db.product.findMany({ where: { kind: "domain" }, select: { id: true } });
    rows.push(...domains.map((d) => ({ productId: d.id, operation: "privacy" as const, usd: t.privacy })));
    for (const r of rows) {
      for (const [currency, rate] of [["USD", 1_000_000], ...Object.entries(SEED_RATES)] as [string, number][]) {
        const amount = convertFromUsd(r.usd, rate);
        const where = {
          tierId_productId_operation_currency: {
            tierId: tier.id,
            productId: r.productId,
            operation: r.operation,
            currency,
          },
        };
        await db.wholesalePrice.upsert({
          where,
          create: { tierId: tier.id, productId: r.productId, operation: r.operation, currency, amount },
          update: {},
        });
      }
    }
  }
  return ids;
}

async function seedReseller(
  db: Db,
  slug: string,
  tierId: string,
  opening: number,
  settings: Omit<OpenBillingInput, "resellerId" | "tierId">,
) {
  const reseller = await db.reseller.findUnique({ where: { slug } });
  if (!reseller) return null;
  await db.$transaction((tx) =>
    openResellerBilling(tx, systemContext(), { resellerId: reseller.id, tierId, ...settings }),
  );
  await db.$transaction((tx) =>
    postEntry(tx, {
      key: `seed:opening-balance:${reseller.id}`,
      kind: "manual_credit",
      memo: "Opening prepaid balance (demo data)",
      resellerId: reseller.id,
      lines: [
        { account: resellerAccount("reseller_available", reseller.id, reseller.currency), amount: opening },
        { account: resellerAccount("manual_adjustments", reseller.id, reseller.currency), amount: -opening },
      ],
    }),
  );
  return reseller;
}

/** The next 30 September at the end of the day, so the demo promotion is always running. */
function nextSeptember30(now = new Date()): Date {
  const y = now.getUTCMonth() > 8 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  return new Date(Date.UTC(y, 9, 1));
}

export async function seed(db: Db): Promise<void> {
  await seedProducts(db);
  const tiers = await seedTiers(db);
  // Enough for a newcomer's (and the browser suite's) bulk registrations, renewals, certificates and
  // launch applications in one session without a top-up first.
  await seedReseller(db, "acme", tiers.Standard, 2_000_00, {
    markupKind: "percent",
    markupValue: 2_500,
    rounding: "cents99",
    lowBalanceThreshold: 100_00,
  });
  const nimbus = await seedReseller(db, "nimbus", tiers.Volume, 2_000_00, {
    markupKind: "fixed",
    markupValue: 500,
    rounding: "whole",
    creditLimit: 250_00,
    lowBalanceThreshold: 300_00,
  });
  if (!nimbus) return;
  const io = await db.product.findUniqueOrThrow({ where: { code: "io" } });
  const co = await db.product.findUniqueOrThrow({ where: { code: "co" } });
  await db.retailOverride.upsert({
    where: { resellerId_productId_operation: { resellerId: nimbus.id, productId: io.id, operation: "register" } },
    create: { resellerId: nimbus.id, productId: io.id, operation: "register", amount: 4_900 },
    update: {},
  });
  const promo = await db.promotion.findFirst({ where: { resellerId: nimbus.id, productId: co.id } });
  if (!promo) {
    const endsAt = nextSeptember30();
    await db.promotion.create({
      data: {
        resellerId: nimbus.id,
        productId: co.id,
        operation: "register",
        amount: 1_500,
        label: ".co at 15.00 until 30 September",
        startsAt: new Date(Date.UTC(endsAt.getUTCFullYear() - 1, 9, 1)),
        endsAt,
      },
    });
  }
}
