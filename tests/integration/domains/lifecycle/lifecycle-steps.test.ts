import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { runLifecycleSweep } from "@/server/domains/lifecycle-events/run-lifecycle-sweep";
import { processPollMessages } from "@/server/domains/lifecycle-events/process-poll-messages";
import { requestRestore } from "@/server/domains/renewals/request-renewal";
import {
  createLifecycleWorld,
  createManagedDomain,
  createRegistrant,
  createStaff,
  type LifecycleWorld,
} from "../../../support/factories";

let world: LifecycleWorld;
beforeEach(async () => {
  world = await createLifecycleWorld();
});
afterEach(async () => world.close());

const DAY = 86_400_000;

/** Moves the registry's clock (and so ours) to `days` relative to the domain's expiry. */
function moveTo(expiresAt: Date | null, days: number): void {
  const target = (expiresAt?.getTime() ?? 0) + days * DAY;
  world.admin.advanceClock({ ms: target - world.admin.now().getTime() });
}

async function domainState(id: string) {
  return db.domain.findUniqueOrThrow({ where: { id } });
}

describe("the domain lifecycle", () => {
  it("auto-renews an enabled, funded domain ahead of expiry from the reseller's balance", async () => {
    const d = await createManagedDomain(world, { resellerId: world.reseller.id, autoRenew: true });
    moveTo(d.expiresAt, -12);
    expect((await runLifecycleSweep()).autoRenewed).toBe(0);
    moveTo(d.expiresAt, -9);
    expect((await runLifecycleSweep()).autoRenewed).toBe(1);
    const after = await domainState(d.id);
    expect(after.expiresAt?.getUTCFullYear()).toBe((d.expiresAt?.getUTCFullYear() ?? 0) + 1);
    expect((await world.platform.infoDomain({ name: d.name })).data.expiresAt?.slice(0, 10)).toBe(
      after.expiresAt?.toISOString().slice(0, 10),
    );
    const item = await db.orderItem.findFirstOrThrow({ where: { subject: d.name, kind: "domain_renew" } });
    expect(item.state).toBe("completed");
    expect((await runLifecycleSweep()).autoRenewed).toBe(0);
  });

  it("records an unfunded auto-renewal instead of renewing, and the name then expires", async () => {
    const d = await createManagedDomain(world, { resellerId: world.reseller.id, autoRenew: true });
    moveTo(d.expiresAt, -9);
    const { adjustBalance } = await import("@/server/billing/adjust-balance");
    const { readBalance } = await import("@/server/billing/get-balance");
    const { systemContext } = await import("@/server/context");
    const available = (await readBalance(db, world.reseller.id)).available;
    await adjustBalance(systemContext(), {
      resellerId: world.reseller.id,
      direction: "debit",
      amount: available,
      reason: "test: empty the balance",
    });
    const report = await runLifecycleSweep();
    expect(report.autoRenewUnfunded).toBe(1);
    expect((await db.domainLifecycle.findUniqueOrThrow({ where: { domainId: d.id } })).autoRenewFailure).toMatch(
      /balance/,
    );
    moveTo(d.expiresAt, 1);
    expect((await runLifecycleSweep()).expired).toBe(1);
    expect((await domainState(d.id)).state).toBe("expired");
  });

  it("sends the ERRP notices once each: a month before, a week before and after expiry", async () => {
    const { registrant } = await createRegistrant(world.reseller.id);
    const d = await createManagedDomain(world, { resellerId: world.reseller.id, registrantId: registrant.id });
    moveTo(d.expiresAt, -29);
    await runLifecycleSweep();
    await runLifecycleSweep();
    moveTo(d.expiresAt, -6);
    await runLifecycleSweep();
    await runLifecycleSweep();
    moveTo(d.expiresAt, 2);
    await runLifecycleSweep();
    await runLifecycleSweep();
    const notices = await db.renewalNotice.findMany({ where: { domainId: d.id }, orderBy: { sentAt: "asc" } });
    expect(notices.map((n) => n.kind)).toEqual(["before_30_days", "before_7_days", "after_expiry"]);
    const mails = await db.outboxMail.findMany({
      where: { toAddress: registrant.email },
      orderBy: { createdAt: "asc" },
    });
    expect(mails).toHaveLength(3);
    expect(mails.every((m) => m.subject.includes(world.reseller.displayName))).toBe(true);
    expect(mails[2].textBody).toMatch(/expired on/);
    // Each leads to the domain's page and to Your domains on the reseller's storefront.
    for (const m of mails) expect(m.textBody).toContain(`/account/domains/${d.id}\nYour domains: http://`);
  });

  it("moves an unrenewed name from expiry through the registry's grace into redemption, then restores it with the RFC 3915 report", async () => {
    const ctx = (await createStaff(world.reseller.id, "owner")).ctx;
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    moveTo(d.expiresAt, 1);
    await runLifecycleSweep();
    expect((await domainState(d.id)).state).toBe("expired");
    expect((await world.platform.infoDomain({ name: d.name })).data.rgpStatuses).toContain("autoRenewPeriod");
    moveTo(d.expiresAt, 44);
    expect((await runLifecycleSweep()).deletedAfterGrace).toBe(1);
    expect((await domainState(d.id)).state).toBe("redemption");
    expect((await world.platform.infoDomain({ name: d.name })).data.rgpStatuses).toContain("redemptionPeriod");

    const restored = await requestRestore(ctx, { domainId: d.id, idempotencyKey: "restore-1" });
    expect(restored.result?.ok).toBe(true);
    const after = await domainState(d.id);
    expect(after.state).toBe("active");
    const info = await world.platform.infoDomain({ name: d.name });
    expect(info.data.rgpStatuses).not.toContain("redemptionPeriod");
    expect(info.data.rgpStatuses).not.toContain("pendingRestore");
    const ops = (await db.domainOperation.findMany({ where: { domainId: d.id }, orderBy: { at: "asc" } })).map(
      (o) => o.operation,
    );
    expect(ops).toEqual(expect.arrayContaining(["restoreDomain", "reportRestore"]));
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: restored.itemId } })).state).toBe("completed");
  });

  it("lets redemption run out into pending delete, and releases the name once the registry purges it", async () => {
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    moveTo(d.expiresAt, 1);
    await runLifecycleSweep();
    moveTo(d.expiresAt, 44);
    await runLifecycleSweep();
    moveTo(d.expiresAt, 44 + 31);
    expect((await runLifecycleSweep()).pendingDelete).toBe(1);
    expect((await domainState(d.id)).state).toBe("pending_delete");
    moveTo(d.expiresAt, 44 + 36);
    const poll = await processPollMessages();
    expect(poll.outcomes).toContain(`${d.name}: purged at the registry: released`);
    expect((await domainState(d.id)).state).toBe("deleted");
    expect((await world.platform.checkDomains({ names: [d.name] })).data[0].available).toBe(true);
  });
});
