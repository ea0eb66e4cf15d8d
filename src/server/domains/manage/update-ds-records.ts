/** Replaces the DS records (RFC 5910 dsData interface) after validating each against RFC 4034 rules. */
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import type { DsRecord } from "@/server/registry";
import { callRegistry } from "@/server/registry/access";
import { applyDomainChange, type ManageResult } from "./apply-change";
import { assertManageable, getDomainOrThrow } from "./get-domain-or-throw";
import { dsProblems, normaliseDs, type DsInput } from "./rules";

const key = (d: DsInput) => `${d.keyTag}/${d.alg}/${d.digestType}/${d.digest.toUpperCase()}`;

export async function updateDsRecords(
  ctx: ActorContext,
  input: { domainId: string; records: DsInput[] },
): Promise<ManageResult> {
  const domain = await getDomainOrThrow(ctx, input.domainId, { write: true });
  assertManageable(domain, "change DNSSEC");
  const problems = Object.assign({}, ...input.records.map((r, i) => dsProblems(r, `ds${i}.`))) as Record<
    string,
    string
  >;
  if (input.records.length > 8) problems.records = "At most 8 DS records.";
  if (Object.keys(problems).length)
    throw new AppError("INVALID_INPUT", "Some DS records are not valid.", { fields: problems });

  const wanted = input.records.map(normaliseDs);
  const current = (domain.dsRecords as DsRecord[] | null) ?? [];
  const add = wanted.filter((w) => !current.some((c) => key(c) === key(w)));
  const remove = current.filter((c) => !wanted.some((w) => key(c) === key(w)));
  let result = { code: 1000, words: "The DS records were already set like this." };
  if (add.length || remove.length) {
    const ds = wanted.length === 0 ? { removeAll: true } : { add, remove };
    result = await callRegistry(ctx, domain, "updateDomain", { name: domain.name, ds });
  }
  await applyDomainChange(
    ctx,
    domain,
    "domain.dnssec",
    { dsRecords: wanted },
    { before: { dsRecords: current }, after: { dsRecords: wanted } },
  );
  return {
    code: result.code,
    message: `${wanted.length ? "DNSSEC records saved." : "DNSSEC is off: all DS records removed."} ${result.words}`,
  };
}
