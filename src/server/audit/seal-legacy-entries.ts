/**
 * The half of migration audit_chains_per_tenant that needs the key: entries written under the old
 * single SHA-256 chain were given a chain and a position by the SQL, and get their MACs here, once.
 * The append-only trigger lets an entry gain a MAC only while it has none and changes nothing else,
 * and every new entry is inserted with one, so this is no way around it. Runs after every migration
 * run and finds nothing to do after the first.
 */
import { createDb } from "@/server/db";
import { systemContext } from "@/server/context";
import { auditKeyRing } from "./audit-keys";
import { CHAIN_START, entryMac, signedFieldsOf } from "./entry-mac";
import { recordAudit } from "./record-audit";

const BATCH = 500;

export async function sealLegacyAuditEntries(databaseUrl: string): Promise<{ entries: number; chains: number }> {
  const db = createDb(databaseUrl);
  try {
    const chains = await db.auditEntry.findMany({ where: { mac: null }, distinct: ["chain"], select: { chain: true } });
    let entries = 0;
    for (const { chain } of chains) {
      for (;;) {
        const sealed = await db.$transaction(
          async (tx) => {
            await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${`audit:${chain}`}, 0))`;
            const rows = await tx.auditEntry.findMany({
              where: { chain, mac: null },
              orderBy: { chainSeq: "asc" },
              take: BATCH,
            });
            if (rows.length === 0) return 0;
            const first = rows[0];
            const prev =
              first && first.chainSeq > BigInt(1)
                ? await tx.auditEntry.findUnique({
                    where: { chain_chainSeq: { chain, chainSeq: first.chainSeq - BigInt(1) } },
                  })
                : null;
            let prevMac = prev?.mac ?? CHAIN_START;
            const key = auditKeyRing().current;
            for (const row of rows) {
              const mac = entryMac(key.secret, prevMac, signedFieldsOf(row, key.id));
              await tx.auditEntry.update({ where: { seq: row.seq }, data: { mac, keyId: key.id } });
              prevMac = mac;
            }
            return rows.length;
          },
          { maxWait: 30_000, timeout: 120_000 },
        );
        entries += sealed;
        if (sealed < BATCH) break;
      }
    }
    if (entries > 0) {
      await db.$transaction((tx) =>
        recordAudit(tx, systemContext(), {
          action: "audit.chains.seal",
          entity: "audit_log",
          after: { entries, chains: chains.length },
        }),
      );
    }
    return { entries, chains: chains.length };
  } finally {
    await db.$disconnect();
  }
}
