/**
 * Alternatives when the name someone wanted is taken: common prefixes and suffixes on the label,
 * in the most popular extensions, checked like any search and only the available ones kept.
 */
import { assertTenant, type ActorContext } from "@/server/context";
import { parseLabel } from "@/lib/domain-name";
import { getRegistry } from "@/server/registry/access";
import { checkNames } from "./check-names";
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
  const candidates = variantsOf(label.ascii).flatMap((v) =>
    top.map((t) => ({ name: `${v}.${t.tld}`, tld: t, unicode: `${label.idn ? parseLabel(v).unicode : v}.${t.tld}` })),
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
