/**
 * Group commit (decision 129): items that complete at the same time in one process are settled in
 * one transaction, and each still ends exactly as if it had been settled alone: one capture, one
 * audit entry in an unbroken chain, no settle for a runner that lost its lease, and a failing
 * provisioner record that keeps its own item unsettled without holding back the others.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { verifyAuditChains } from "@/server/audit/verify-audit-chains";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { attemptItem } from "@/server/fulfilment/attempt-item";
import { claimItem } from "@/server/fulfilment/claim-item";
import { LeaseLost } from "@/server/fulfilment/lease";
import { settleResult } from "@/server/fulfilment/settle-result";
import {
  createDomainCatalog,
  createDomainReseller,
  createRegistrant,
  startInProcessRegistry,
  type TestRegistry,
} from "../../support/factories";
import { buyAsRegistrant, clearFulfilmentQueue } from "../domains/fulfilment/helpers";

let reg: TestRegistry;

beforeEach(async () => {
  await clearFulfilmentQueue();
  await createDomainCatalog();
  reg = startInProcessRegistry();
});
afterEach(async () => {
  await reg.close();
});

async function buyMany(resellerId: string, names: string[]) {
  const { ctx } = await createRegistrant(resellerId);
  const order = await buyAsRegistrant(ctx, {
    idempotencyKey: `group-${names[0]}`,
    items: names.map((name) => ({ name, kind: "register" as const, years: 1, privacy: false })),
  });
  return db.orderItem.findMany({ where: { orderId: order.id }, orderBy: { subject: "asc" } });
}

async function loaded(itemId: string) {
  return db.orderItem.findUniqueOrThrow({ where: { id: itemId }, include: { order: true, product: true } });
}

describe("settling items that complete together", () => {
  it("gives every item of two resellers one domain, one capture and one audit entry, with every chain intact", async () => {
    const a = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
    const b = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
    const items = [
      ...(await buyMany(a.id, ["group-a1.com", "group-a2.com", "group-a3.com", "group-a4.com"])),
      ...(await buyMany(b.id, ["group-b1.com", "group-b2.com", "group-b3.com"])),
    ];
    const outcomes = await Promise.all(items.map((i) => attemptItem(i.id, "job")));
    expect(outcomes.map((o) => o.kind === "settled" && o.state)).toEqual(items.map(() => "completed"));
    for (const item of items) {
      const domain = await db.domain.findUniqueOrThrow({ where: { name: item.subject } });
      expect(domain.state).toBe("active");
      expect(await db.hold.findUniqueOrThrow({ where: { orderItemId: item.id } })).toMatchObject({
        status: "captured",
      });
      expect(await db.journalEntry.count({ where: { key: `capture:${item.id}` } })).toBe(1);
      expect(await db.auditEntry.count({ where: { action: "domain.register", entityId: domain.id } })).toBe(1);
      expect(await db.fulfilmentRun.findUniqueOrThrow({ where: { itemId: item.id } })).toMatchObject({
        uncertain: false,
        leaseToken: expect.any(String),
      });
    }
    expect(reg.admin.domains("platform").filter((d) => d.name.startsWith("group-"))).toHaveLength(7);
    expect((await db.$transaction((tx) => verifyAuditChains(tx))).broken).toEqual([]);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("refuses the settle of a runner whose lease was taken over, and still settles the others beside it", async () => {
    const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
    const [first, second, stolen] = await buyMany(reseller.id, ["lease-1.com", "lease-2.com", "lease-3.com"]);
    const claims = await Promise.all(
      [first, second, stolen].map(async (i) => claimItem(await loaded(i.id), "job", 60_000)),
    );
    // Another runner takes the third item over after its lease ran out.
    await db.fulfilmentRun.update({ where: { itemId: stolen.id }, data: { leasedUntil: new Date(Date.now() - 1000) } });
    const takenOver = await claimItem({ ...(await loaded(stolen.id)), state: "provisioning" }, "job", 60_000);
    expect(takenOver).not.toBeNull();
    const audited = (name: string) => ({
      status: "completed" as const,
      message: "done",
      commit: (tx: Parameters<typeof recordAudit>[0]) =>
        recordAudit(tx, systemContext(reseller.id), { action: "test.settled", entity: "name", entityId: name }),
    });
    const rows = await Promise.all([first, second, stolen].map((i) => loaded(i.id)));
    // Handed over in the same turn, so the three go to the process's collector as one group.
    const settled = await Promise.allSettled(
      rows.map((row, n) => settleResult({ ...row, state: "provisioning" }, audited(row.subject), claims[n]!.token)),
    );
    expect(settled[0]).toEqual({ status: "fulfilled", value: "completed" });
    expect(settled[1]).toEqual({ status: "fulfilled", value: "completed" });
    expect(settled[2]).toMatchObject({ status: "rejected", reason: expect.any(LeaseLost) });
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: stolen.id } })).state).toBe("provisioning");
    expect((await db.hold.findUniqueOrThrow({ where: { orderItemId: stolen.id } })).status).toBe("held");
    expect(await db.auditEntry.count({ where: { action: "test.settled", entityId: stolen.subject } })).toBe(0);
    for (const i of [first, second]) {
      expect((await db.hold.findUniqueOrThrow({ where: { orderItemId: i.id } })).status).toBe("captured");
      expect(await db.auditEntry.count({ where: { action: "test.settled", entityId: i.subject } })).toBe(1);
    }
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("keeps an item whose records fail to write unsettled, and settles the others beside it", async () => {
    const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
    const [good, bad] = await buyMany(reseller.id, ["records-1.com", "records-2.com"]);
    const claims = await Promise.all([good, bad].map(async (i) => claimItem(await loaded(i.id), "job", 60_000)));
    const results = [
      { status: "completed" as const, message: "done" },
      {
        status: "completed" as const,
        message: "done",
        commit: async () => {
          throw new Error("records could not be written");
        },
      },
    ];
    const rows = await Promise.all([good, bad].map((i) => loaded(i.id)));
    const settled = await Promise.allSettled(
      rows.map((row, n) => settleResult({ ...row, state: "provisioning" }, results[n], claims[n]!.token)),
    );
    expect(settled[0]).toEqual({ status: "fulfilled", value: "completed" });
    expect(settled[1]).toMatchObject({ status: "rejected", reason: { message: "records could not be written" } });
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: bad.id } })).state).toBe("provisioning");
    expect((await db.hold.findUniqueOrThrow({ where: { orderItemId: bad.id } })).status).toBe("held");
    expect(await db.journalEntry.count({ where: { key: `capture:${bad.id}` } })).toBe(0);
    expect((await db.hold.findUniqueOrThrow({ where: { orderItemId: good.id } })).status).toBe("captured");
  });
});

describe("a name registered again after an earlier life", () => {
  it("files this order's create under the new domain, not the retired one", async () => {
    const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
    const old = await db.domain.create({
      data: {
        resellerId: reseller.id,
        name: "second-life.com",
        unicodeName: "second-life.com",
        tld: "com",
        state: "deleted",
      },
    });
    const [item] = await buyMany(reseller.id, ["second-life.com"]);
    expect(await attemptItem(item.id, "job")).toMatchObject({ kind: "settled", state: "completed" });
    const current = await db.domain.findUniqueOrThrow({ where: { name: "second-life.com" } });
    expect(current.id).not.toBe(old.id);
    expect((await db.domain.findUniqueOrThrow({ where: { id: old.id } })).name).toMatch(/^second-life\.com~/);
    const ops = await db.domainOperation.findMany({ where: { orderItemId: item.id } });
    expect(ops.map((o) => o.operation)).toContain("createDomain");
    expect(new Set(ops.map((o) => o.domainId))).toEqual(new Set([current.id]));
  });
});
