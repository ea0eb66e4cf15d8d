import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { env } from "@/env";
import { recordAudit } from "@/server/audit/record-audit";
import { verifyAuditChains } from "@/server/audit/verify-audit-chains";
import { sealLegacyAuditEntries } from "@/server/audit/seal-legacy-entries";
import { buildKeyRing } from "@/server/audit/audit-keys";
import { systemContext } from "@/server/context";
import { asSuperuserBypassingTriggers } from "../support/audit-tamper";

// Writers on one chain queue for its lock while holding a pooled connection: give them time to get one.
const slowMachine = { maxWait: 20_000, timeout: 20_000 };

const write = (resellerId: string | null, i: number) =>
  db.$transaction(
    (tx) =>
      recordAudit(tx, systemContext(resellerId), {
        action: "test.write",
        entity: "thing",
        entityId: String(i),
        after: { i, at: new Date(0) },
      }),
    slowMachine,
  );

describe("audit log", () => {
  it("links concurrent entries of one tenant into one unbroken chain", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => write(null, i)));
    expect(await verifyAuditChains(db, { batchSize: 7 })).toEqual({ ok: true, chains: 1, entries: 20, broken: [] });
    const positions = await db.auditEntry.findMany({
      orderBy: { chainSeq: "asc" },
      select: { chain: true, chainSeq: true },
    });
    expect(positions.map((p) => Number(p.chainSeq))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(positions.map((p) => p.chain))).toEqual(new Set(["registrar"]));
  });

  it("keeps verifying entries signed with a previous key after the key rotates", async () => {
    for (const i of [1, 2, 3]) await write(null, i);
    const current = env().AUDIT_HMAC_KEY ?? "";
    const rotated = buildKeyRing("a-new-audit-key-of-at-least-32-characters", [current]);
    expect(await verifyAuditChains(db, { keys: rotated })).toMatchObject({ ok: true, entries: 3 });
    const forgotten = buildKeyRing("a-new-audit-key-of-at-least-32-characters");
    expect(await verifyAuditChains(db, { keys: forgotten })).toMatchObject({
      ok: false,
      broken: [{ chain: "registrar", chainSeq: BigInt(1), reason: expect.stringContaining("does not hold") }],
    });
  });

  it("seals entries written before per-tenant chains once, and the seal cannot change them afterwards", async () => {
    const reseller = randomUUID();
    await asSuperuserBypassingTriggers(async (tx) => {
      for (const [chain, chainSeq, resellerId] of [
        ["registrar", 1, null],
        [reseller, 1, reseller],
        [reseller, 2, reseller],
      ] as const) {
        await tx.auditEntry.create({
          data: {
            chain,
            chainSeq: BigInt(chainSeq),
            resellerId,
            actorType: "system",
            action: "legacy.write",
            entity: "thing",
            after: { chainSeq },
          },
        });
      }
    });
    expect(await verifyAuditChains(db)).toMatchObject({
      ok: false,
      broken: [{ reason: "entry was never sealed" }, { reason: "entry was never sealed" }],
    });

    const databaseUrl = process.env.DATABASE_URL ?? "";
    expect(await sealLegacyAuditEntries(databaseUrl)).toEqual({ entries: 3, chains: 2 });
    expect(await sealLegacyAuditEntries(databaseUrl)).toEqual({ entries: 0, chains: 0 });
    await write(reseller, 3);
    // Two sealed chains plus the seal's own record in the registrar chain.
    expect(await verifyAuditChains(db)).toMatchObject({ ok: true, chains: 2, entries: 5 });
    const sealed = await db.auditEntry.findFirstOrThrow({ where: { chain: reseller, chainSeq: BigInt(1) } });
    await expect(db.auditEntry.update({ where: { seq: sealed.seq }, data: { mac: "0".repeat(64) } })).rejects.toThrow(
      /append-only/,
    );
  });

  it("lets an unsealed entry gain its MAC but not change its content", async () => {
    await asSuperuserBypassingTriggers((tx) =>
      tx.auditEntry.create({
        data: { chain: "registrar", chainSeq: BigInt(1), actorType: "system", action: "legacy.write", entity: "thing" },
      }),
    );
    const row = await db.auditEntry.findFirstOrThrow();
    await expect(
      db.auditEntry.update({ where: { seq: row.seq }, data: { mac: "f".repeat(64), keyId: "k", action: "other" } }),
    ).rejects.toThrow(/append-only/);
  });

  it("refuses to insert an entry without its MAC", async () => {
    await expect(
      db.auditEntry.create({
        data: { chain: "registrar", chainSeq: BigInt(1), actorType: "system", action: "forged", entity: "thing" },
      }),
    ).rejects.toThrow(/MAC/);
  });
});
