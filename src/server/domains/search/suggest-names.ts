/**
 * Alternatives when the name someone wanted is taken: common prefixes and suffixes on the label,
 * in the most popular extensions, checked like any search and only the available ones kept.
 */
import { assertTenant, type ActorContext } from "@/server/context";
import { parseLabel, tryParseDomainName, type Label } from "@/lib/domain-name";
import { getRegistry } from "@/server/registry/access";
import { checkNames } from "./check-names";
import { idnRefusal } from "./idn-policy";
import { assertSelling, toResult } from "./search-domains";
import { cachedSearchContext } from "./search-context";
import type { SearchResult } from "./types";

const PREFIXES = ["get", "my", "the", "try"];
const SUFFIXES = ["hq", "online", "app", "hub", "now"];

export function variantsOf(label: string): string[] {
  const out = [...PREFIXES.map((p) => `${p}${label}`), ...SUFFIXES.map((s) => `${label}${s}`)];
  return out.filter((l) => l.length <= 63);
}

export async function suggestNames(
  ctx: ActorContext,
  input: { resellerId: string; label: string; limit?: number },
): Promise<SearchResult[]> {
  assertTenant(ctx, input.resellerId);
  await assertSelling(input.resellerId);
  const label = parseLabel(input.label);
  const { pc, tlds, prices } = await cachedSearchContext(input.resellerId);
  const top = tlds.slice(0, 3);
  // An IDN's variants are made from its U-label (prefixing "xn--…" makes no name) and kept only
  // where a valid label results that the TLD's IDN tables take.
  const variants = variantsOf(label.idn ? label.unicode : label.ascii).flatMap((v): Label[] => {
    const r = tryParseDomainName(v);
    return r.ok && r.name.labels.length === 1 ? r.name.labels : [];
  });
  const candidates = variants.flatMap((v) =>
    top
      .filter((t) => !idnRefusal(v, t))
      .map((t) => ({ name: `${v.ascii}.${t.tld}`, tld: t, unicode: `${v.unicode}.${t.tld}` })),
  );
  const answers = await checkNames(
    await getRegistry(),
    candidates.map((c) => c.name),
  );
  const results = await Promise.all(
    answers.map((a, i) => toResult(a, candidates[i].unicode, candidates[i].tld, pc, prices)),
  );
  return results.filter((r) => r.availability === "available" && !r.premium).slice(0, input.limit ?? 8);
}
