import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import { verifyAuditChains } from "@/server/audit/verify-audit-chains";
import { canonical } from "@/server/audit/entry-mac";
import { systemContext } from "@/server/context";
import { asSuperuserBypassingTriggers } from "../../support/audit-tamper";

// Writers on one chain queue for its lock while holding a pooled connection: give them time to get one.
const slowMachine = { maxWait: 20_000, timeout: 20_000 };

const write = (resellerId: string | null, i: number) =>
  db.$transaction(
    (tx) =>
      recordAudit(tx, systemContext(resellerId), {
        action: "balance.adjust",
        entity: "reseller",
        entityId: String(i),
        after: { amount: i * 100 },
      }),
    slowMachine,
  );

async function writeMany(resellerId: string | null, n: number) {
  for (let i = 1; i <= n; i++) await write(resellerId, i);
}

const entryAt = (chain: string, chainSeq: number) =>
  db.auditEntry.findFirstOrThrow({ where: { chain, chainSeq: BigInt(chainSeq) } });

describe("security finding 08: the audit chain can be rewritten", () => {
  it("the database refuses to update an audit entry", async () => {
    await writeMany(null, 2);
    const entry = await entryAt("registrar", 1);
    await expect(db.auditEntry.update({ where: { seq: entry.seq }, data: { after: { amount: 1 } } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`update "AuditEntry" set "action" = 'nothing.happened'`).rejects.toThrow(/append-only/);
    expect(await entryAt("registrar", 1)).toEqual(entry);
  });

  it("the database refuses to delete or truncate audit entries", async () => {
    await writeMany(null, 2);
    await expect(db.auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`truncate "AuditEntry"`)).rejects.toThrow(/append-only/);
    expect(await db.auditEntry.count()).toBe(2);
  });

  it("an entry rewritten with a recomputed plain SHA-256, triggers disabled as a superuser would, is reported", async () => {
    const reseller = randomUUID();
    await writeMany(reseller, 3);
    const [first, second] = [await entryAt(reseller, 1), await entryAt(reseller, 2)];
    const forgedAfter = { amount: 1 };
    const forgedMac = createHash("sha256")
      .update(first.mac ?? "")
      .update(canonical({ ...second, after: forgedAfter, mac: undefined, seq: undefined }))
      .digest("hex");
    await asSuperuserBypassingTriggers((tx) =>
      tx.auditEntry.update({ where: { seq: second.seq }, data: { after: forgedAfter, mac: forgedMac } }),
    );

    const report = await verifyAuditChains(db);
    expect(report.ok).toBe(false);
    expect(report.broken).toEqual([
      {
        chain: reseller,
        resellerId: reseller,
        seq: second.seq,
        chainSeq: BigInt(2),
        reason: "content or link to the previous entry does not match its MAC",
      },
    ]);
  });

  it("an entry removed behind the trigger's back is reported as a gap in its chain", async () => {
    await writeMany(null, 3);
    const second = await entryAt("registrar", 2);
    await asSuperuserBypassingTriggers((tx) => tx.auditEntry.delete({ where: { seq: second.seq } }));
    expect(await verifyAuditChains(db)).toMatchObject({
      ok: false,
      broken: [{ chain: "registrar", chainSeq: BigInt(3), reason: expect.stringContaining("position 2 is missing") }],
    });
  });

  it("two resellers' chains verify independently: a break in one leaves the other intact", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await writeMany(a, 3);
    await writeMany(b, 3);
    await writeMany(null, 1);
    expect(await verifyAuditChains(db)).toEqual({ ok: true, chains: 3, entries: 7, broken: [] });

    const tampered = await entryAt(a, 3);
    await asSuperuserBypassingTriggers((tx) =>
      tx.auditEntry.update({ where: { seq: tampered.seq }, data: { after: { amount: 0 } } }),
    );
    const report = await verifyAuditChains(db);
    expect(report.chains).toBe(3);
    expect(report.broken.map((x) => [x.chain, Number(x.chainSeq)])).toEqual([[a, 3]]);
    // Every entry of b's chain and the registrar's still proves out.
    expect(report.entries).toBe(6);
  });

  it("concurrent writers on two tenants both succeed and each chain stays unbroken", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await Promise.all(Array.from({ length: 30 }, (_, i) => write(i % 2 ? a : b, i)));
    expect(await verifyAuditChains(db, { batchSize: 4 })).toEqual({ ok: true, chains: 2, entries: 30, broken: [] });
    for (const chain of [a, b]) {
      const positions = await db.auditEntry.findMany({
        where: { chain },
        orderBy: { chainSeq: "asc" },
        select: { chainSeq: true },
      });
      expect(positions.map((p) => Number(p.chainSeq))).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    }
  });

  it("a writer on one reseller's chain does not wait for another reseller's open transaction", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let signalWritten = () => {};
    const written = new Promise<void>((resolve) => (signalWritten = resolve));
    const open = db.$transaction(
      async (tx) => {
        await recordAudit(tx, systemContext(a), { action: "slow.write", entity: "reseller", entityId: a });
        signalWritten();
        await held;
      },
      { timeout: 20_000 },
    );
    await written;
    try {
      // A global audit lock makes this wait for `open`; the lock timeout turns that wait into an error.
      await db.$transaction(async (tx) => {
        await tx.$executeRaw`set local lock_timeout = '3s'`;
        await recordAudit(tx, systemContext(b), { action: "quick.write", entity: "reseller", entityId: b });
      });
    } finally {
      release();
      await open;
    }
    expect(await verifyAuditChains(db)).toEqual({ ok: true, chains: 2, entries: 2, broken: [] });
  });
});
