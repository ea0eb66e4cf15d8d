import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import { verifyAuditChain } from "@/server/audit/verify-audit-chain";
import { systemContext } from "@/server/context";

describe("audit log", () => {
  it("links concurrent entries into one unbroken chain", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.$transaction((tx) => recordAudit(tx, systemContext(), { action: "test.write", entity: "thing", entityId: String(i), after: { i, at: new Date(0) } })),
      ),
    );
    expect(await verifyAuditChain(db, 7)).toEqual({ ok: true, entries: 20 });
  });

  it("reports the entry whose content was altered after the fact", async () => {
    for (const i of [1, 2, 3]) {
      await db.$transaction((tx) => recordAudit(tx, systemContext(), { action: "test.write", entity: "thing", entityId: String(i), after: { i } }));
    }
    const second = await db.auditEntry.findFirstOrThrow({ where: { entityId: "2" } });
    await db.auditEntry.update({ where: { seq: second.seq }, data: { after: { i: 99 } } });
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, brokenAt: second.seq, reason: "content does not match its hash" });
  });
});
