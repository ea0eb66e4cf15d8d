/**
 * Proves every audit chain unbroken with the HMAC keys: each chain's positions run 1, 2, 3… with no
 * gap, and each entry's MAC matches its content and its predecessor's MAC. Reports the first broken
 * link of every chain and goes on to the next chain.
 */
import type { Tx } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";
import { auditKeyRing, type AuditKeyRing } from "./audit-keys";
import { CHAIN_START, entryMac, sameMac, signedFieldsOf } from "./entry-mac";

export type ChainBreak = { chain: string; resellerId: string | null; seq: bigint; chainSeq: bigint; reason: string };
export type ChainsReport = { ok: boolean; chains: number; entries: number; broken: ChainBreak[] };

type Row = Prisma.AuditEntryGetPayload<object>;
type Walk = { chain: string; expected: bigint; prevMac: string };

function checkRow(walk: Walk, row: Row, keys: AuditKeyRing): string | null {
  if (row.chainSeq !== walk.expected) return `position ${walk.expected} is missing: an entry was removed`;
  if (row.mac === null || row.keyId === null) return "entry was never sealed";
  const key = keys.byId.get(row.keyId);
  if (!key) return `signed with key ${row.keyId}, which this server does not hold`;
  const expected = entryMac(key.secret, walk.prevMac, signedFieldsOf(row, row.keyId));
  return sameMac(expected, row.mac) ? null : "content or link to the previous entry does not match its MAC";
}

export async function verifyAuditChains(
  tx: Tx,
  opts: { keys?: AuditKeyRing; batchSize?: number } = {},
): Promise<ChainsReport> {
  const keys = opts.keys ?? auditKeyRing();
  const report: ChainsReport = { ok: true, chains: 0, entries: 0, broken: [] };
  let walk = null as Walk | null;
  // Keyset over the (chain, chainSeq) index; a null position skips the rest of a broken chain.
  let cursor = null as { chain: string; chainSeq: bigint | null } | null;
  for (;;) {
    const where: Prisma.AuditEntryWhereInput = !cursor
      ? {}
      : cursor.chainSeq === null
        ? { chain: { gt: cursor.chain } }
        : { OR: [{ chain: { gt: cursor.chain } }, { chain: cursor.chain, chainSeq: { gt: cursor.chainSeq } }] };
    const rows = await tx.auditEntry.findMany({
      where,
      orderBy: [{ chain: "asc" }, { chainSeq: "asc" }],
      take: opts.batchSize ?? 1000,
    });
    if (rows.length === 0) return report;
    for (const row of rows) {
      if (walk?.chain !== row.chain) {
        walk = { chain: row.chain, expected: BigInt(1), prevMac: CHAIN_START };
        report.chains++;
      }
      const reason = checkRow(walk, row, keys);
      if (reason) {
        report.ok = false;
        report.broken.push({
          chain: row.chain,
          resellerId: row.resellerId,
          seq: row.seq,
          chainSeq: row.chainSeq,
          reason,
        });
        cursor = { chain: row.chain, chainSeq: null };
        break;
      }
      report.entries++;
      walk.expected = row.chainSeq + BigInt(1);
      walk.prevMac = row.mac ?? CHAIN_START;
      cursor = { chain: row.chain, chainSeq: row.chainSeq };
    }
  }
}
