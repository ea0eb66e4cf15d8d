/**
 * Storefront search: one input (a label or a full name, any script) → every extension the reseller
 * sells, with availability, retail price for the first year and renewal, premium and launch-phase
 * badges and the reason when a name is not available. Checks go to each registry once, in parallel;
 * prices are computed while they run.
 */
import { assertTenant, type ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { cleanInput, DomainNameError, parseSearchInput, typedDiffers } from "@/lib/domain-name";
import { getRegistry } from "@/server/registry/access";
import { checkNames } from "./check-names";
import { classifyCheck } from "./classify-check";
import { idnRefusal, idnRefusedResult } from "./idn-policy";
import { premiumFeeUsd } from "./premium-fee";
import { premiumPrice, type Price } from "./price-results";
import type { SellableTld } from "./sellable-tlds";
import { cachedSearchContext } from "./search-context";
import type { SearchResponse, SearchResult } from "./types";
import type { PriceContext } from "@/server/pricing/load-price-context";
import type { CheckAnswer } from "./check-names";

export const NOT_SELLING = "This store is not selling domain names right now.";

export async function assertSelling(resellerId: string): Promise<void> {
  const reseller = await db.reseller.findUnique({ where: { id: resellerId }, select: { status: true } });
  if (!reseller) throw new AppError("NOT_FOUND");
  if (reseller.status !== "active") throw new AppError("RESELLER_SUSPENDED", NOT_SELLING);
}

/** One result row from a check answer and the prices. */
export async function toResult(
  answer: CheckAnswer,
  unicodeName: string,
  tld: SellableTld,
  pc: PriceContext,
  prices: Map<string, Price>,
): Promise<SearchResult> {
  const { availability, reason } = classifyCheck(answer.check, tld.tld);
  const check = answer.check;
  const premium = check?.premium ?? false;
  const base = {
    name: answer.name,
    unicodeName,
    tld: tld.tld,
    availability,
    reason,
    premium,
    phase: check?.phase,
    minPeriod: tld.minPeriod,
    maxPeriod: tld.maxPeriod,
  };
  if (availability !== "available" && availability !== "not_open") return base;
  if (!premium || !check) return { ...base, price: prices.get(tld.tld) };
  const price = await premiumPrice(db, pc, tld.tld, check);
  return {
    ...base,
    price: price ?? undefined,
    premiumFeeUsd: price ? premiumFeeUsd(check.prices.create) : undefined,
    premiumRenewFeeUsd: price ? premiumFeeUsd(check.prices.renew) : undefined,
  };
}

export async function searchDomains(
  ctx: ActorContext,
  input: { resellerId: string; query: string },
): Promise<SearchResponse> {
  assertTenant(ctx, input.resellerId);
  let parsed;
  try {
    parsed = parseSearchInput(input.query);
  } catch (e) {
    if (e instanceof DomainNameError) return { query: input.query, results: [], error: e.message };
    throw e;
  }
  // Status and prices come from the process's cache, which every change to them clears (decision 095):
  // a search whose checks are cached costs no query at all. Checkout reads both afresh.
  const [{ pc, tlds, prices, status }, router] = await Promise.all([
    cachedSearchContext(input.resellerId),
    getRegistry(),
  ]);
  if (status !== "active") throw new AppError("RESELLER_SUSPENDED", NOT_SELLING);
  const { label, tld: asked } = parsed;
  const ordered = asked ? [...tlds.filter((t) => t.tld === asked), ...tlds.filter((t) => t.tld !== asked)] : tlds;
  const refusals = ordered.map((t) => idnRefusal(label, t));
  const checked = ordered.filter((_, i) => !refusals[i]);
  const names = checked.map((t) => `${label.ascii}.${t.tld}`);
  const answers = await checkNames(router, names);
  const answered = await Promise.all(
    answers.map((a, i) => toResult(a, `${label.unicode}.${checked[i].tld}`, checked[i], pc, prices)),
  );
  const answeredByTld = new Map(answered.map((r) => [r.tld, r]));
  const results = ordered.map((t, i) => {
    const refusal = refusals[i];
    return refusal ? idnRefusedResult(label, t, refusal) : (answeredByTld.get(t.tld) as SearchResult);
  });
  const response: SearchResponse = { query: input.query, label: label.unicode, results };
  const typedLabel = cleanInput(input.query).split(".")[0];
  if (typedDiffers(typedLabel, label)) response.typed = typedLabel;
  if (asked && !tlds.some((t) => t.tld === asked))
    response.error = `We do not sell .${asked} names. Here is ${label.unicode} in the extensions we offer.`;
  return response;
}
