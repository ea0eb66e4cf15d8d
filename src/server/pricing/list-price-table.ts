/**
 * The reseller console's price table: for every product on sale and every operation, wholesale,
 * retail, margin, where the retail price comes from, and a warning where retail is below wholesale.
 * The storefront variant returns retail only.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import type { PriceOperation, ProductKind } from "@/generated/prisma/enums";
import { requireResellerReader } from "@/server/billing/guards";
import { loadPriceContext, priceKey } from "./load-price-context";
import { activePromotion, marginOf, retailFor, type RetailSource } from "./rules";

export const OPERATIONS: PriceOperation[] = ["register", "renew", "transfer", "restore", "privacy"];

export type PriceRow = {
  productId: string;
  code: string;
  name: string;
  kind: ProductKind;
  operation: PriceOperation;
  wholesale: number;
  retail: number;
  margin: number;
  belowWholesale: boolean;
  source: RetailSource;
  label?: string;
  override: number | null;
  upcomingPromotion?: { amount: number; startsAt: Date; endsAt: Date; label: string };
};

export async function buildPriceTable(resellerId: string, at: Date = new Date()) {
  const pc = await loadPriceContext(db, resellerId, at);
  const products = await db.product.findMany({ where: { active: true }, orderBy: [{ kind: "asc" }, { code: "asc" }] });
  const rows: PriceRow[] = [];
  for (const p of products) {
    for (const operation of OPERATIONS) {
      const key = priceKey(p.id, operation);
      const wholesale = pc.wholesale.get(key);
      if (wholesale === undefined) continue;
      const promos = pc.promotions.get(key) ?? [];
      const retail = retailFor({
        wholesale,
        markup: pc.markup,
        rounding: pc.rounding,
        override: pc.overrides.get(key),
        promotions: promos,
        at,
        exponent: pc.exponent,
      });
      const upcoming = activePromotion(promos, at)
        ? undefined
        : promos.filter((x) => x.startsAt > at).sort((a, b) => +a.startsAt - +b.startsAt)[0];
      rows.push({
        productId: p.id,
        code: p.code,
        name: p.name,
        kind: p.kind,
        operation,
        ...marginOf(wholesale, retail.amount),
        source: retail.source,
        label: retail.label,
        override: pc.overrides.get(key) ?? null,
        upcomingPromotion: upcoming,
      });
    }
  }
  return { context: pc, rows, warnings: rows.filter((r) => r.belowWholesale) };
}

export async function listPriceTable(ctx: ActorContext, resellerId: string, at?: Date) {
  requireResellerReader(ctx, resellerId);
  return buildPriceTable(resellerId, at);
}

export type RetailListing = {
  code: string;
  name: string;
  kind: ProductKind;
  register?: number;
  renew?: number;
  transfer?: number;
  restore?: number;
  privacy?: number;
  promotionLabel?: string;
  policySummary: string;
  dnssec: string;
  launchPhase: string;
  minPeriod: number;
  maxPeriod: number;
  transferRules: string;
};

/** Storefront: retail prices only, one row per product, with its policy summary. */
export async function listRetailPrices(
  resellerId: string,
  at?: Date,
): Promise<{ currency: string; locale: string; products: RetailListing[] }> {
  const { context, rows } = await buildPriceTable(resellerId, at);
  const products = await db.product.findMany({ where: { active: true }, orderBy: [{ kind: "asc" }, { code: "asc" }] });
  const listing = products
    .map((p) => {
      const mine = rows.filter((r) => r.productId === p.id);
      const entry: RetailListing = {
        code: p.code,
        name: p.name,
        kind: p.kind,
        policySummary: p.policySummary,
        dnssec: p.dnssec,
        launchPhase: p.launchPhase,
        minPeriod: p.minPeriod,
        maxPeriod: p.maxPeriod,
        transferRules: p.transferRules,
      };
      for (const r of mine) {
        entry[r.operation] = r.retail;
        if (r.source === "promotion") entry.promotionLabel = r.label;
      }
      return entry;
    })
    .filter((e) => e.register !== undefined || e.renew !== undefined);
  return { currency: context.currency, locale: context.locale, products: listing };
}
