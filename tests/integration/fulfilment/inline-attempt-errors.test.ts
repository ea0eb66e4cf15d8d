/**
 * A console renewal is fulfilled while the person waits (`fulfilNow`, the inline path). When its
 * attempt ends in an error of ours after the claim, here the settle's transaction failing as it
 * does when the database connection drops or times out under load, the item must not stay held
 * until its lease runs out (decision 142): the chaos run saw one wait five minutes for a job. The
 * fault is made in the real database by a trigger that refuses to finish the item's run.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { readBalance } from "@/server/billing/get-balance";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { requestRenewal } from "@/server/domains/renewals/request-renewal";
import { placeOrder } from "@/server/orders/place-order";
import { attemptItem } from "@/server/fulfilment/attempt-item";
import { createLifecycleWorld, createManagedDomain, createStaff, type LifecycleWorld } from "../../support/factories";
import { clearFulfilmentQueue, drainFulfilment, queuedItemIds } from "../domains/fulfilment/helpers";

let world: LifecycleWorld;
beforeEach(async () => {
  await clearFulfilmentQueue();
  world = await createLifecycleWorld();
});
afterEach(async () => {
  await settlesWork();
  await world.close();
});

/** From now on, finishing any fulfilment run fails as a lost database connection would. */
async function settlesFail(): Promise<void> {
  await db.$executeRawUnsafe(`
    create or replace function test_settle_fails() returns trigger language plpgsql as $$
    begin
      raise exception 'connection to the database was lost (injected)' using errcode = '08006';
    end $$`);
  await db.$executeRawUnsafe(`
    create trigger test_settle_fails before update on "FulfilmentRun" for each row
    when (new."finishedAt" is not null and old."finishedAt" is null) execute function test_settle_fails()`);
}

async function settlesWork(): Promise<void> {
  await db.$executeRawUnsafe(`drop trigger if exists test_settle_fails on "FulfilmentRun"`);
  await db.$executeRawUnsafe(`drop function if exists test_settle_fails()`);
}

describe("an inline renewal whose attempt fails after the claim", () => {
  it("gives the item back at once with a job queued, which then renews once and charges once", async () => {
    const ctx = (await createStaff(world.reseller.id, "owner")).ctx;
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    const before = (await readBalance(db, world.reseller.id)).available;
    await settlesFail();

    await expect(requestRenewal(ctx, { domainId: d.id, years: 1, idempotencyKey: "renew-1" })).rejects.toThrow(
      /connection to the database was lost/,
    );
    const item = await db.orderItem.findFirstOrThrow({ where: { kind: "domain_renew" } });
    const run = await db.fulfilmentRun.findUniqueOrThrow({ where: { itemId: item.id } });
    // Not held for the lease, the registry's answer not trusted blindly, and a job to carry it on.
    expect(run).toMatchObject({ leasedUntil: null, finishedAt: null, uncertain: true });
    expect(await queuedItemIds()).toEqual([item.id]);
    const attempts = await db.fulfilmentAttempt.findMany({ where: { itemId: item.id } });
    expect(attempts).toMatchObject([{ mode: "inline", outcome: "retry", error: expect.stringMatching(/lost/) }]);

    await settlesWork();
    expect(await drainFulfilment()).toEqual([]);
    const renewed = await db.orderItem.findUniqueOrThrow({ where: { id: item.id }, include: { hold: true } });
    expect(renewed.state).toBe("completed");
    expect(renewed.hold?.status).toBe("captured");
    // The registry renewed once: the job asked it first and found the first attempt's renewal done.
    const expiry = (await world.platform.infoDomain({ name: d.name })).data.expiresAt ?? "";
    expect(new Date(expiry).getUTCFullYear()).toBe((d.expiresAt?.getUTCFullYear() ?? 0) + 1);
    expect((await db.domain.findUniqueOrThrow({ where: { id: d.id } })).expiresAt?.toISOString().slice(0, 10)).toBe(
      expiry.slice(0, 10),
    );
    expect((await readBalance(db, world.reseller.id)).available).toBe(before - 1_200);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("as a job, gives the item back so the queue's own retry can take it instead of finding it held", async () => {
    const ctx = (await createStaff(world.reseller.id, "owner")).ctx;
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    const { order } = await placeOrder(ctx, {
      resellerId: world.reseller.id,
      idempotencyKey: "renew-job",
      channel: "console",
      payment: "balance",
      items: [
        {
          kind: "domain_renew",
          productCode: "com",
          subject: d.name,
          period: 1,
          details: { domainId: d.id, currentExpiry: d.expiresAt?.toISOString() ?? "" },
        },
      ],
    });
    const itemId = order.items[0].id;
    await settlesFail();
    await expect(attemptItem(itemId, "job")).rejects.toThrow(/connection to the database was lost/);
    expect(await db.fulfilmentRun.findUniqueOrThrow({ where: { itemId } })).toMatchObject({ leasedUntil: null });
    // The queue retries a job that threw; the engine adds none of its own.
    expect(await queuedItemIds()).toEqual([]);

    await settlesWork();
    expect(await attemptItem(itemId, "job")).toMatchObject({ kind: "settled", state: "completed" });
    const expiry = (await world.platform.infoDomain({ name: d.name })).data.expiresAt ?? "";
    expect(new Date(expiry).getUTCFullYear()).toBe((d.expiresAt?.getUTCFullYear() ?? 0) + 1);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });
});
