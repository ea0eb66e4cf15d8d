/**
 * Order events end to end over real HTTP: an order placed from the console is fulfilled by the
 * engine's job, and its reseller's endpoint gets order.completed once, signed so the Standard
 * Webhooks library verifies it; another reseller's endpoint gets nothing.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { db } from "@/server/db";
import { placeDomainOrder } from "@/server/domains/checkout/place-domain-order";
import { notifyIfOrderFinished } from "@/server/orders/notify-order-finished";
import {
  createDomainCatalog,
  createDomainReseller,
  createStaff,
  startInProcessRegistry,
} from "../../support/factories";
import type { TestRegistry } from "../../support/factories";
import { CONTACT, clearFulfilmentQueue, drainFulfilment } from "../domains/fulfilment/helpers";
import { addEndpoint, clearWebhookQueue, drainWebhooks, startReceiver, type Receiver } from "./helpers";

let mine: Receiver;
let theirs: Receiver;
let reg: TestRegistry | undefined;
beforeAll(async () => {
  mine = await startReceiver(5790);
  theirs = await startReceiver(5791);
});
afterAll(async () => {
  await mine.close();
  await theirs.close();
});
beforeEach(async () => {
  mine.received.length = 0;
  theirs.received.length = 0;
  await clearFulfilmentQueue();
  await clearWebhookQueue();
});
afterEach(async () => {
  await reg?.close();
  reg = undefined;
});

async function world() {
  await createDomainCatalog();
  const a = await createDomainReseller({ balance: 100_000 });
  const b = await createDomainReseller({ balance: 100_000 });
  const ownerA = await createStaff(a.id, "owner");
  const ownerB = await createStaff(b.id, "owner");
  reg = startInProcessRegistry();
  return { a, b, ownerA, ownerB };
}

describe("order webhooks", () => {
  it("delivers order.completed once, verifiably signed, to the ordering reseller's endpoint only", async () => {
    const { a, ownerA, ownerB } = await world();
    const endpointA = await addEndpoint(ownerA.ctx, mine.url, ["order.completed", "order.failed"]);
    await addEndpoint(ownerB.ctx, theirs.url, ["order.completed", "order.failed"]);

    const { order } = await placeDomainOrder(ownerA.ctx, {
      resellerId: a.id,
      idempotencyKey: "webhook-order-1",
      items: [{ name: "hooked-order.com", kind: "register", years: 1, privacy: false }],
      nameservers: null,
      contact: CONTACT,
      payment: "balance",
    });
    expect(await drainFulfilment()).toEqual([]);
    // A second runner noticing the same end makes no second event.
    await notifyIfOrderFinished(order.id);
    expect(await drainWebhooks()).toBe(1);

    expect(theirs.received).toEqual([]);
    expect(mine.received).toHaveLength(1);
    const [got] = mine.received;
    const payload = new Webhook(endpointA.secret).verify(got.body, got.headers) as {
      type: string;
      timestamp: string;
      data: { orderId: string; items: { subject: string; state: string }[] };
    };
    expect(payload).toMatchObject({
      type: "order.completed",
      data: { orderId: order.id, items: [{ subject: "hooked-order.com", state: "completed" }] },
    });
    expect(got.headers["webhook-id"]).toMatch(/^msg_[0-9a-f]{32}$/);
    // A different secret does not verify it: the signature is really over this body.
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 7).toString("base64")}`).verify(got.body, got.headers),
    ).toThrow();

    const attempts = await db.webhookAttempt.findMany({ where: { endpointId: endpointA.id } });
    expect(attempts).toEqual([
      expect.objectContaining({
        number: 1,
        trigger: "scheduled",
        responseStatus: 200,
        responseBody: "ok",
        error: null,
      }),
    ]);
    expect(attempts[0].requestBody).toBe(got.body);
    expect(attempts[0].requestHeaders).toMatchObject({ "webhook-id": got.headers["webhook-id"] });
    expect(JSON.stringify(attempts[0].requestHeaders)).not.toContain(endpointA.secret.slice(6));
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpointA.id } })).toMatchObject({
      state: "succeeded",
      attempts: 1,
    });
  });

  it("sends order.failed when the registry refuses, and nothing to an endpoint that did not ask for it", async () => {
    const { a, ownerA } = await world();
    const failedOnly = await addEndpoint(ownerA.ctx, mine.url, ["order.failed"]);
    const { order } = await placeDomainOrder(ownerA.ctx, {
      resellerId: a.id,
      idempotencyKey: "webhook-order-2",
      items: [{ name: "taken-already.com", kind: "register", years: 1, privacy: false }],
      nameservers: null,
      contact: CONTACT,
      payment: "balance",
    });
    // Another registrar takes the name between the order and its fulfilment.
    await reg!.rival.createDomain({ name: "taken-already.com", years: 1, authInfo: "Auth-rival-1" });
    await drainFulfilment();
    await drainWebhooks();
    expect(mine.received).toHaveLength(1);
    const payload = new Webhook(failedOnly.secret).verify(mine.received[0].body, mine.received[0].headers);
    expect(payload).toMatchObject({ type: "order.failed", data: { orderId: order.id } });
  });
});
