/**
 * Events of sandbox operations (a shadow reseller's, decision 100) go to the sandbox's own endpoints
 * only, never to the live shop's, and say `"mode": "test"` inside the signed body (decision 108).
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { sandboxResellerOf } from "@/server/sandbox/sandbox-tenant";
import { emitWebhookEvent } from "@/server/webhooks/outbox/emit-webhook-event";
import { newSigningSecret } from "@/server/webhooks/signing-secret";
import { createDomainReseller, createStaff } from "../../support/factories";

async function endpoint(resellerId: string, createdById: string, url: string) {
  const { secretEnc, secretPrefix } = newSigningSecret();
  return db.webhookEndpoint.create({
    data: { resellerId, url, eventTypes: ["order.completed"], secretEnc, secretPrefix, createdById },
  });
}

async function deliveredTo(eventId: string | null) {
  const event = await db.webhookEvent.findUniqueOrThrow({ where: { id: eventId ?? "" } });
  const deliveries = await db.webhookDelivery.findMany({ where: { eventId: event.id } });
  return { body: JSON.parse(event.body) as Record<string, unknown>, endpoints: deliveries.map((d) => d.endpointId) };
}

describe("sandbox webhook events", () => {
  it("sends a sandbox order's event to the sandbox's endpoint marked test, and a live one unmarked to the live endpoint", async () => {
    const live = await createDomainReseller({ slug: "hooked" });
    const { user } = await createStaff(live.id, "owner");
    const shadow = await sandboxResellerOf(live.id);
    const liveEndpoint = await endpoint(live.id, user.id, "https://shop.example/hooks");
    const testEndpoint = await endpoint(shadow, user.id, "https://staging.shop.example/hooks");

    const emit = (resellerId: string, orderId: string) =>
      db.$transaction((tx) => emitWebhookEvent(tx, { resellerId, type: "order.completed", data: { orderId } }));

    const test = await deliveredTo(await emit(shadow, "order-in-sandbox"));
    expect(test.endpoints).toEqual([testEndpoint.id]);
    expect(test.body).toMatchObject({ type: "order.completed", mode: "test", data: { orderId: "order-in-sandbox" } });

    const real = await deliveredTo(await emit(live.id, "order-for-real"));
    expect(real.endpoints).toEqual([liveEndpoint.id]);
    expect(real.body).not.toHaveProperty("mode");
  });
});
