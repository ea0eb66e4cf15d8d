/**
 * What pricing a search needs for one reseller (price context, the extensions it sells, their
 * standard prices), loaded once and kept for a few seconds: a storefront's search page is hit far
 * more often than its prices change, and checkout always prices afresh (`loadSearchContext`).
 */
import { db } from "@/server/db";
import { loadPriceContext, type PriceContext } from "@/server/pricing/load-price-context";
import { standardPrices, type Price } from "./price-results";
import { listSellableTlds, type SellableTld } from "./sellable-tlds";

export type SearchContext = {
  pc: PriceContext;
  tlds: SellableTld[];
  byTld: Map<string, SellableTld>;
  prices: Map<string, Price>;
};

const TTL_MS = 15_000;
const cache = new Map<string, { at: number; value: Promise<SearchContext> }>();

export async function loadSearchContext(resellerId: string): Promise<SearchContext> {
  const pc = await loadPriceContext(db, resellerId);
  const tlds = await listSellableTlds(db, pc);
  const prices = await standardPrices(
    db,
    pc,
    tlds.map((t) => t.tld),
  );
  return { pc, tlds, byTld: new Map(tlds.map((t) => [t.tld, t])), prices };
}

export function cachedSearchContext(resellerId: string, now = Date.now()): Promise<SearchContext> {
  const hit = cache.get(resellerId);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = loadSearchContext(resellerId);
  cache.set(resellerId, { at: now, value });
  value.catch(() => cache.delete(resellerId));
  return value;
}

/** Tests and price changes: forget one reseller's (or every) cached context. */
export function forgetSearchContext(resellerId?: string): void {
  if (resellerId) cache.delete(resellerId);
  else cache.clear();
}
