/** Walks the audit log in order and proves every link; reports the first broken entry. */
import type { Tx } from "@/server/db";
import { entryHash, GENESIS_HASH } from "./record-audit";

export type ChainReport = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: bigint; reason: string };

export async function verifyAuditChain(tx: Tx, batchSize = 1000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let after = BigInt(0);
  let count = 0;
  for (;;) {
    const rows = await tx.auditEntry.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: batchSize });
    if (rows.length === 0) return { ok: true, entries: count };
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ok: false, entries: count, brokenAt: row.seq, reason: "link to previous entry does not match" };
      const expected = entryHash(prevHash, {
        at: row.at,
        actorType: row.actorType,
        actorId: row.actorId,
        resellerId: row.resellerId,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        before: row.before,
        after: row.after,
      });
      if (expected !== row.hash) return { ok: false, entries: count, brokenAt: row.seq, reason: "content does not match its hash" };
      prevHash = row.hash;
      after = row.seq;
      count++;
    }
  }
}
