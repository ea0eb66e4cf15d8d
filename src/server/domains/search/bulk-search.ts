/**
 * Bulk search: up to 500 names pasted at once, answered as each registry answers. A bare label is
 * looked up in the reseller's first extension; a line that is not a name is answered at once with
 * the rule it broke.
 */
import { assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { DomainNameError, parseDomainName } from "@/lib/domain-name";
import { getRegistry } from "@/server/registry/access";
import { checkNames, type CheckAnswer } from "./check-names";
import { idnRefusal } from "./idn-policy";
import { NOT_SELLING, toResult } from "./search-domains";
import { cachedSearchContext } from "./search-context";
import type { SellableTld } from "./sellable-tlds";
import type { SearchResult } from "./types";

export const BULK_LIMIT = 500;

export type BulkRow = SearchResult & { input: string };

export function splitBulkInput(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s && !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
}

function invalidRow(input: string, reason: string): BulkRow {
  return {
    input,
    name: input.toLowerCase(),
    unicodeName: input,
    tld: "",
    availability: "invalid",
    reason,
    premium: false,
    minPeriod: 1,
    maxPeriod: 10,
  };
}

/** Calls `emit` with batches of rows as they become known; resolves when every name is answered. */
export async function bulkSearch(
  ctx: ActorContext,
  input: { resellerId: string; text: string },
  emit: (rows: BulkRow[]) => void,
): Promise<number> {
  assertTenant(ctx, input.resellerId);
  // The cached context carries the reseller's status, dropped at commit when the Reseller row
  // changes (decision 095): a suspension counts on the next check without a read per check (decision 126).
  const { pc, tlds, byTld, prices, status } = await cachedSearchContext(input.resellerId);
  if (status !== "active") throw new AppError("RESELLER_SUSPENDED", NOT_SELLING);
  const entries = splitBulkInput(input.text);
  if (entries.length > BULK_LIMIT)
    throw new AppError("INVALID_INPUT", `Paste at most ${BULK_LIMIT} names at a time (you pasted ${entries.length}).`);
  const fallback = tlds[0];
  const wanted = new Map<string, { input: string; unicode: string; tld: string }>();
  const invalid: BulkRow[] = [];
  for (const raw of entries) {
    try {
      const n = parseDomainName(raw);
      if (n.labels.length > 2) throw new DomainNameError("too_many_labels");
      const tld = n.labels.length === 2 ? n.labels[1].ascii : fallback?.tld;
      if (!tld || !byTld.has(tld)) {
        invalid.push({ ...invalidRow(raw, `We do not sell .${tld ?? "?"} names.`), availability: "unavailable" });
        continue;
      }
      const refusal = idnRefusal(n.labels[0], byTld.get(tld) as SellableTld);
      if (refusal) {
        invalid.push({ ...invalidRow(raw, refusal), availability: "unavailable" });
        continue;
      }
      const name = `${n.labels[0].ascii}.${tld}`;
      if (!wanted.has(name)) wanted.set(name, { input: raw, unicode: `${n.labels[0].unicode}.${tld}`, tld });
    } catch (e) {
      if (!(e instanceof DomainNameError)) throw e;
      invalid.push(invalidRow(raw, e.message));
    }
  }
  if (invalid.length) emit(invalid);
  const pending: Promise<void>[] = [];
  const onAnswers = (answers: CheckAnswer[]) => {
    pending.push(
      (async () => {
        const rows = await Promise.all(
          answers.map(async (a) => {
            const w = wanted.get(a.name);
            if (!w) return null;
            return {
              ...(await toResult(
                a,
                w.unicode,
                byTld.get(w.tld) as NonNullable<ReturnType<typeof byTld.get>>,
                pc,
                prices,
              )),
              input: w.input,
            };
          }),
        );
        emit(rows.filter((r): r is BulkRow => r !== null));
      })(),
    );
  };
  await checkNames(await getRegistry(), [...wanted.keys()], { onAnswers });
  await Promise.all(pending);
  return invalid.length + wanted.size;
}
