// Webhooks: one reseller's owner cannot switch off, rotate the secret of, delete, or replay deliveries
// of another reseller's webhook endpoint, in live or test mode.
import { expect } from "vitest";
import { db } from "@/server/db";
import { createWebhookEndpoint } from "@/server/webhooks/create-webhook-endpoint";
import { sandboxResellerOf } from "@/server/sandbox/sandbox-tenant";
import { emitWebhookEvent } from "@/server/webhooks/outbox/emit-webhook-event";
import {
  deleteWebhookEndpointAction,
  replayWebhookDeliveryAction,
  rotateWebhookSecretAction,
  setWebhookEndpointEnabledAction,
} from "@/app/(console)/console/webhooks/actions";
import { createTier, freshSessionRequest } from "../../../support/factories";
import { isolationCase, type Tenant } from "../harness";

// Nothing is sent in these cases: no worker drains the queue.
const endpointOf = async (t: Tenant) =>
  (
    await createWebhookEndpoint(t.owner.ctx, t.reseller.id, {
      url: "http://127.0.0.1:5795/hooks",
      eventTypes: ["balance.low"],
    })
  ).id;

async function deliveryOf(t: Tenant): Promise<string> {
  const endpointId = await endpointOf(t);
  await db.$transaction((tx) => emitWebhookEvent(tx, { resellerId: t.reseller.id, type: "balance.low", data: {} }));
  return (await db.webhookDelivery.findFirstOrThrow({ where: { endpointId } })).id;
}

export const cases = [
  isolationCase({
    name: "A's owner cannot disable B's webhook endpoint",
    setup: async ({ b }) => endpointOf(b),
    attack: ({ a }, endpointId) => setWebhookEndpointEnabledAction.run(a.owner.ctx, { endpointId, enabled: "false" }),
    control: ({ b }, endpointId) => setWebhookEndpointEnabledAction.run(b.owner.ctx, { endpointId, enabled: "false" }),
    unchanged: async (_t, endpointId) =>
      expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).enabled).toBe(true),
  }),
  isolationCase({
    name: "A's owner cannot rotate the secret of B's webhook endpoint",
    setup: async ({ b }) => endpointOf(b),
    attack: async ({ a }, endpointId) =>
      rotateWebhookSecretAction.run(a.owner.ctx, { endpointId }, await freshSessionRequest(a.owner.ctx)),
    control: async ({ b }, endpointId) =>
      rotateWebhookSecretAction.run(b.owner.ctx, { endpointId }, await freshSessionRequest(b.owner.ctx)),
  }),
  isolationCase({
    name: "A's owner cannot delete B's webhook endpoint",
    setup: async ({ b }) => endpointOf(b),
    attack: ({ a }, endpointId) => deleteWebhookEndpointAction.run(a.owner.ctx, { endpointId }),
    control: ({ b }, endpointId) => deleteWebhookEndpointAction.run(b.owner.ctx, { endpointId }),
  }),
  isolationCase({
    name: "A's owner cannot delete B's test webhook endpoint in test mode",
    setup: async ({ b }) => {
      // A sandbox starts on the registrar's standard tier, so there must be one.
      await createTier("standard", {});
      const sandbox = await sandboxResellerOf(b.reseller.id);
      const made = await createWebhookEndpoint({ ...b.owner.ctx, resellerId: sandbox }, sandbox, {
        url: "http://127.0.0.1:5795/hooks",
        eventTypes: ["balance.low"],
      });
      return made.id;
    },
    attack: ({ a }, endpointId) => deleteWebhookEndpointAction.run(a.owner.ctx, { endpointId, mode: "test" }),
    control: ({ b }, endpointId) => deleteWebhookEndpointAction.run(b.owner.ctx, { endpointId, mode: "test" }),
    unchanged: async (_t, endpointId) => expect(await db.webhookEndpoint.count({ where: { id: endpointId } })).toBe(1),
  }),
  isolationCase({
    name: "A's owner cannot replay B's webhook delivery",
    setup: async ({ b }) => deliveryOf(b),
    attack: ({ a }, deliveryId) => replayWebhookDeliveryAction.run(a.owner.ctx, { deliveryId }),
    control: ({ b }, deliveryId) => replayWebhookDeliveryAction.run(b.owner.ctx, { deliveryId }),
  }),
];
