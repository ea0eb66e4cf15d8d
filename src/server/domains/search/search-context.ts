/**
 * What pricing a search needs for one reseller (price context, the extensions it sells, their
 * standard prices, whether it sells at all), loaded once per process and kept until the database says
 * a price, promotion, tier, product or the reseller changed (src/server/cache, decision 095) or a
 * promotion starts or ends. Checkout always prices afresh (`loadSearchContext`).
 */
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ResellerStatus } from "@/generated/prisma/enums";
import { ensureCacheListener } from "@/server/cache/listen";
import { taggedCache } from "@/server/cache/tagged-cache";
import { loadPriceContext, type PriceContext } from "@/server/pricing/load-price-context";
import { standardPrices, type Price } from "./price-results";
import { listSellableTlds, type SellableTld } from "./sellable-tlds";

export type SearchContext = {
  pc: PriceContext;
  tlds: SellableTld[];
  byTld: Map<string, SellableTld>;
  prices: Map<string, Price>;
  status: ResellerStatus;
  /** The next moment a promotion starts or ends: prices change then without any write. */
  validUntil: number;
};

export async function loadSearchContext(resellerId: string): Promise<SearchContext> {
  const reseller = await db.reseller.findUnique({ where: { id: resellerId }, select: { status: true } });
  if (!reseller) throw new AppError("NOT_FOUND");
  const pc = await loadPriceContext(db, resellerId);
  const tlds = await listSellableTlds(db, pc);
  const prices = await standardPrices(
    db,
    pc,
    tlds.map((t) => t.tld),
  );
  const byTld = new Map(tlds.map((t) => [t.tld, t]));
  return { pc, tlds, byTld, prices, status: reseller.status, validUntil: nextPromotionBoundary(pc) };
}

function nextPromotionBoundary(pc: PriceContext, now = Date.now()): number {
  let next = Infinity;
  for (const windows of pc.promotions.values())
    for (const w of windows)
      for (const t of [w.startsAt.getTime(), w.endsAt.getTime()]) if (t > now && t < next) next = t;
  return next;
}

const contexts = taggedCache<SearchContext>({
  tags: (resellerId) => [`reseller:${resellerId}`],
  expiresAt: (ctx) => ctx.validUntil,
  max: 10_000,
  // The search page cache (search-page-cache.ts) keeps no page past its prices' validUntil.
  name: "search-context",
});

export function cachedSearchContext(resellerId: string): Promise<SearchContext> {
  ensureCacheListener();
  return contexts.get(resellerId, () => loadSearchContext(resellerId));
}
