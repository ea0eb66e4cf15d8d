/**
 * The cart, checked again just before paying: availability and retail price for the chosen period
 * (premium fees from the registry), privacy prices, the claims notice for names in their claims
 * period, and a problem in words for anything that cannot be bought now.
 */
import { assertTenant, type ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { quoteItem } from "@/server/pricing/quote-item";
import { toUnicodeName, tryParseDomainName } from "@/lib/domain-name";
import { idnRefusal } from "@/server/domains/search/idn-policy";
import { getRegistry } from "@/server/registry/access";
import { checkNames } from "@/server/domains/search/check-names";
import { classifyCheck } from "@/server/domains/search/classify-check";
import { assertSelling } from "@/server/domains/search/search-domains";
import { loadSearchContext } from "@/server/domains/search/search-context";
import { premiumFeeUsd as usdFee } from "@/server/domains/search/premium-fee";
import { tldOf } from "@/server/registry";
import { buildClaimsNotice, type ClaimsNoticeView } from "./claims-notice";
import type { CartItem } from "./cart";

export type CheckoutLine = CartItem & {
  unicodeName: string;
  tld: string;
  minPeriod: number;
  maxPeriod: number;
  currency: string;
  /** Retail for the whole period (register or transfer). */
  amount: number;
  /** Retail of privacy for the period, chosen or not; null where privacy is not sold. */
  privacyAmount: number | null;
  premium: boolean;
  premiumFeeUsd?: number;
  claims?: ClaimsNoticeView;
  /** Something to know before buying (not a problem). */
  note?: string;
  problem?: string;
};

async function quote(
  resellerId: string,
  pc: Awaited<ReturnType<typeof loadSearchContext>>["pc"],
  code: string,
  operation: "register" | "transfer" | "privacy",
  period: number,
  premiumFeeUsd?: number,
) {
  try {
    return await quoteItem(db, resellerId, { productCode: code, operation, period, premiumFeeUsd }, pc);
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
}

export async function prepareCheckout(
  ctx: ActorContext,
  input: { resellerId: string; items: CartItem[] },
): Promise<CheckoutLine[]> {
  assertTenant(ctx, input.resellerId);
  await assertSelling(input.resellerId);
  const { pc, byTld } = await loadSearchContext(input.resellerId);
  const router = await getRegistry();
  const answers = await checkNames(
    router,
    input.items.map((i) => i.name),
    { useCache: false },
  );
  const lines = await Promise.all(
    input.items.map(async (item, i): Promise<CheckoutLine> => {
      const tld = tldOf(item.name);
      const t = byTld.get(tld);
      const base = {
        ...item,
        unicodeName: toUnicodeName(item.name),
        tld,
        minPeriod: t?.minPeriod ?? 1,
        maxPeriod: t?.maxPeriod ?? 10,
        currency: pc.currency,
        amount: 0,
        privacyAmount: null,
        premium: false,
      };
      if (!t) return { ...base, problem: `We do not sell .${tld} names.` };
      const parsed = tryParseDomainName(item.name);
      if (!parsed.ok) return { ...base, problem: parsed.message };
      const refusal = idnRefusal(parsed.name.labels[0], t);
      if (refusal) return { ...base, problem: refusal };
      const years = item.kind === "transfer" ? 1 : Math.min(Math.max(item.years, t.minPeriod), t.maxPeriod);
      const check = answers[i].check;
      const { availability, reason } = classifyCheck(check, tld);
      if (item.kind === "register" && availability !== "available")
        return { ...base, years, problem: reason ?? "This name is not available." };
      if (item.kind === "transfer" && availability !== "taken") {
        return {
          ...base,
          years,
          problem:
            availability === "available"
              ? "This name is not registered yet: register it instead."
              : (reason ?? "This name cannot be transferred now."),
        };
      }
      let premiumFeeUsd: number | undefined;
      if (item.kind === "register" && check?.premium) {
        const forPeriod =
          years === 1 ? check : (await router.forDomain(item.name).checkDomains({ names: [item.name], years })).data[0];
        premiumFeeUsd = usdFee(forPeriod?.prices.create);
        // Without a fee we can price, the standard price would be a premium name sold at a loss.
        if (premiumFeeUsd === undefined)
          return { ...base, years, problem: "This premium name cannot be priced in this store." };
      }
      const q = await quote(
        input.resellerId,
        pc,
        tld,
        item.kind === "register" ? "register" : "transfer",
        years,
        premiumFeeUsd,
      );
      if (!q) return { ...base, years, problem: "This name has no price in this store." };
      // Priced whether or not it is chosen: the cart offers it with its price before anyone ticks it.
      const privacy = await quote(input.resellerId, pc, tld, "privacy", years);
      const note =
        item.kind === "register" && t.dnssec === "required"
          ? `.${tld} requires DNSSEC: the name is registered without nameservers; add DS records and nameservers from your account.`
          : undefined;
      return {
        ...base,
        years,
        amount: q.retail,
        premium: q.premium,
        premiumFeeUsd,
        privacyAmount: privacy?.retail ?? null,
        privacy: item.privacy && privacy !== null,
        note,
      };
    }),
  );
  const claimsNames = lines
    .filter((l, i) => !l.problem && l.kind === "register" && answers[i].check?.phase === "claims")
    .map((l) => l.name);
  if (claimsNames.length) {
    const byPort = new Map<string, string[]>();
    for (const n of claimsNames) byPort.set(tldOf(n), [...(byPort.get(tldOf(n)) ?? []), n]);
    for (const names of byPort.values()) {
      const { data } = await router.forDomain(names[0]).claimsCheck({ names });
      for (const c of data) {
        const line = lines.find((l) => l.name === c.name.toLowerCase());
        if (line && c.claim && c.claimKey) line.claims = buildClaimsNotice(line.name, c.claimKey);
      }
    }
  }
  return lines;
}
