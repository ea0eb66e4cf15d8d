/**
 * The other events, each from the code where it happens: a renewal completing (domain.renewed), a
 * name leaving for another registrar (domain.transferred_out), a renewal notice (domain.expiring), the balance crossing its warning
 * threshold (balance.low, once per crossing). The outbox writes nothing when its transaction rolls back.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { placeOrder } from "@/server/orders/place-order";
import { requestRenewal } from "@/server/domains/renewals/request-renewal";
import { markTransferredAway } from "@/server/domains/lifecycle-events/apply-transfer-event";
import { sendRenewalNotices } from "@/server/domains/lifecycle-events/renewal-notices";
import { emitWebhookEvent } from "@/server/webhooks/outbox/emit-webhook-event";
import {
  createLifecycleWorld,
  createManagedDomain,
  createReseller,
  createStaff,
  createTier,
  createTldProduct,
  fundReseller,
  type LifecycleWorld,
} from "../../support/factories";
import { addEndpoint, clearWebhookQueue, drainWebhooks, startReceiver, type Receiver } from "./helpers";

let receiver: Receiver;
let world: LifecycleWorld | undefined;
beforeAll(async () => {
  receiver = await startReceiver(5793);
});
afterAll(() => receiver.close());
beforeEach(async () => {
  receiver.received.length = 0;
  await clearWebhookQueue();
});
afterEach(async () => {
  await world?.close();
  world = undefined;
});

function received(secret: string) {
  return receiver.received.map((r) => new Webhook(secret).verify(r.body, r.headers) as { type: string; data: object });
}

describe("domain and balance webhooks", () => {
  it("sends domain.renewed when a renewal completes and domain.transferred_out when a name leaves", async () => {
    world = await createLifecycleWorld();
    const owner = await createStaff(world.reseller.id, "owner");
    const endpoint = await addEndpoint(owner.ctx, receiver.url, ["domain.renewed", "domain.transferred_out"]);
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    const out = await requestRenewal(owner.ctx, { domainId: d.id, years: 2, idempotencyKey: "renew-hook-1" });
    expect(out.result?.ok).toBe(true);
    await markTransferredAway(d.id, world.reseller.id, "clientApproved");
    expect(await drainWebhooks()).toBe(2);

    const after = await db.domain.findUniqueOrThrow({ where: { id: d.id } });
    expect(received(endpoint.secret)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: "domain.renewed",
          data: expect.objectContaining({ domain: d.name, years: 2, orderItemId: out.itemId }),
        }),
        expect.objectContaining({
          type: "domain.transferred_out",
          data: { domain: d.name, domainId: d.id, how: "clientApproved" },
        }),
      ]),
    );
    const renewed = received(endpoint.secret).find((p) => p.type === "domain.renewed") as {
      data: { expiresAt: string };
    };
    expect(renewed.data.expiresAt).toBe(after.expiresAt?.toISOString());
  });

  it("sends domain.expiring with the 30-day and 7-day renewal notices, once each", async () => {
    world = await createLifecycleWorld();
    const owner = await createStaff(world.reseller.id, "owner");
    const endpoint = await addEndpoint(owner.ctx, receiver.url, ["domain.expiring"]);
    const d = await createManagedDomain(world, { resellerId: world.reseller.id, autoRenew: true });
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 20 * 86_400_000);
    await db.domain.update({ where: { id: d.id }, data: { expiresAt } });
    await sendRenewalNotices("before_30_days", now);
    await sendRenewalNotices("before_30_days", now);
    await sendRenewalNotices("after_expiry", now);
    await drainWebhooks();
    expect(received(endpoint.secret)).toEqual([
      {
        type: "domain.expiring",
        timestamp: expect.any(String),
        data: { domain: d.name, expiresAt: expiresAt.toISOString(), autoRenew: true, notice: "before_30_days" },
      },
    ]);
  });

  it("sends balance.low once per crossing of the threshold, not once per order", async () => {
    await createTldProduct("com", 800);
    const tier = await createTier("standard", { com: 1_000 });
    const reseller = await createReseller();
    await fundReseller(reseller.id, tier.id, 5_000, { lowBalanceThreshold: 3_500 });
    const owner = await createStaff(reseller.id, "owner");
    const endpoint = await addEndpoint(owner.ctx, receiver.url, ["balance.low"]);
    for (const k of ["low-1", "low-2", "low-3"])
      await placeOrder(systemContext(reseller.id), {
        resellerId: reseller.id,
        idempotencyKey: k,
        channel: "api",
        payment: "balance",
        items: [{ kind: "domain_register", productCode: "com", subject: `${k}.com` }],
      });
    await drainWebhooks();
    expect(received(endpoint.secret)).toEqual([
      {
        type: "balance.low",
        timestamp: expect.any(String),
        data: { available: 3_000, threshold: 3_500, currency: "USD" },
      },
    ]);
  });

  it("writes no event and queues no delivery when the emitting transaction rolls back", async () => {
    const reseller = await createReseller();
    const owner = await createStaff(reseller.id, "owner");
    await addEndpoint(owner.ctx, receiver.url, ["balance.low"]);
    await expect(
      db.$transaction(async (tx) => {
        await emitWebhookEvent(tx, { resellerId: reseller.id, type: "balance.low", data: {} });
        throw new Error("the posting failed");
      }),
    ).rejects.toThrow("the posting failed");
    expect(await db.webhookEvent.count()).toBe(0);
    expect(await drainWebhooks()).toBe(0);
    expect(receiver.received).toEqual([]);
  });
});
