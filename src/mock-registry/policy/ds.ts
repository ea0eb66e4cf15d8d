import type { DsData } from "../model/records";
import { fail } from "../model/result-codes";

/** DNSSEC algorithm numbers a registry accepts today (IANA registry, non-deprecated). */
const ALGORITHMS = new Set([5, 7, 8, 10, 13, 14, 15, 16]);
const DIGEST_HEX_LENGTH: Record<number, number> = { 1: 40, 2: 64, 4: 96 };

export function validateDs(records: DsData[], max: number): void {
  for (const ds of records) {
    const hexLength = DIGEST_HEX_LENGTH[ds.digestType];
    const ok =
      Number.isInteger(ds.keyTag) &&
      ds.keyTag >= 0 &&
      ds.keyTag <= 65535 &&
      ALGORITHMS.has(ds.alg) &&
      hexLength !== undefined &&
      ds.digest.length === hexLength &&
      /^[0-9a-fA-F]+$/.test(ds.digest);
    if (!ok) fail(2306, "Domain has an invalid DS record.", `${ds.keyTag} ${ds.alg} ${ds.digestType}`);
  }
  if (records.length > max) fail(2306, "Too many DS records set on a domain.");
}

export function sameDs(a: DsData, b: DsData): boolean {
  return (
    a.keyTag === b.keyTag &&
    a.alg === b.alg &&
    a.digestType === b.digestType &&
    a.digest.toUpperCase() === b.digest.toUpperCase()
  );
}
