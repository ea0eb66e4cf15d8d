import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { recoverStalledItems, stallAfterMs } from "@/server/fulfilment/recover-stalled-items";
import {
  createDomainCatalog,
  createDomainReseller,
  createRegistrant,
  startInProcessRegistry,
  type TestRegistry,
} from "../../../support/factories";
import { buyAsRegistrant, clearFulfilmentQueue, drainFulfilment, queuedItemIds } from "./helpers";

let reg: TestRegistry | undefined;
beforeEach(clearFulfilmentQueue);
afterEach(async () => {
  await reg?.close();
  reg = undefined;
});

describe("recovering stalled fulfilment", () => {
  it("re-enqueues a paid item whose job was lost, and the order then completes", async () => {
    await createDomainCatalog();
    const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
    const { ctx } = await createRegistrant(reseller.id);
    reg = startInProcessRegistry();
    const order = await buyAsRegistrant(ctx, {
      idempotencyKey: "lost-job-0001",
      items: [{ name: "lost-job.com", kind: "register", years: 1, privacy: false }],
    });
    // The job vanished (a crash between payment and enqueue, or a purged queue).
    await clearFulfilmentQueue();
    expect(await recoverStalledItems(new Date())).toBe(0);
    const later = new Date(Date.now() + stallAfterMs() + 60_000);
    expect(await recoverStalledItems(later)).toBe(1);
    expect(await queuedItemIds()).toHaveLength(1);
    await drainFulfilment();
    const items = await db.orderItem.findMany({ where: { orderId: order.id } });
    expect(items.map((i) => i.state)).toEqual(["completed"]);
  });

  it("leaves alone an item another runner holds a live lease on", async () => {
    await createDomainCatalog();
    const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
    const { ctx } = await createRegistrant(reseller.id);
    reg = startInProcessRegistry();
    const order = await buyAsRegistrant(ctx, {
      idempotencyKey: "leased-0001",
      items: [{ name: "leased-one.com", kind: "register", years: 1, privacy: false }],
    });
    await clearFulfilmentQueue();
    const item = await db.orderItem.findFirstOrThrow({ where: { orderId: order.id } });
    const later = new Date(Date.now() + stallAfterMs() + 60_000);
    await db.fulfilmentRun.create({ data: { itemId: item.id, leasedUntil: new Date(later.getTime() + 60_000) } });
    expect(await recoverStalledItems(later)).toBe(0);
  });
});
