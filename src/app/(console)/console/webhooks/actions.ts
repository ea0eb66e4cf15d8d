"use server";
/**
 * Webhooks from the reseller console: register an endpoint (its secret shown once), enable or
 * disable it, rotate its secret, replay a delivery. Owners and admins only.
 */
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { createWebhookEndpoint } from "@/server/webhooks/create-webhook-endpoint";
import { rotateWebhookSecret, setWebhookEndpointEnabled } from "@/server/webhooks/manage-webhook-endpoint";
import { replayWebhookDelivery } from "@/server/webhooks/replay-webhook-delivery";
import { WEBHOOK_EVENT_TYPES } from "@/server/webhooks/outbox/event-types";

const MANAGERS = ["owner", "admin"] as const;

const createInput = z.object({
  url: z.string().max(2_000),
  description: z.string().max(200).default(""),
  eventTypes: z.union([z.enum(WEBHOOK_EVENT_TYPES), z.array(z.enum(WEBHOOK_EVENT_TYPES))]).optional(),
});

export const createWebhookEndpointAction = defineAction({
  area: "console",
  roles: MANAGERS,
  input: createInput,
  // Order and domain events leave the platform for this URL: adding one wants a recent sign-in.
  reauth: true,
  handler: async (ctx, i) => {
    const created = await createWebhookEndpoint(ctx, ctx.resellerId, {
      url: i.url,
      description: i.description,
      eventTypes: i.eventTypes === undefined ? [] : Array.isArray(i.eventTypes) ? i.eventTypes : [i.eventTypes],
    });
    return { id: created.id, secret: created.secret };
  },
});

export const setWebhookEndpointEnabledAction = defineAction({
  area: "console",
  roles: MANAGERS,
  input: z.object({ endpointId: z.uuid(), enabled: z.enum(["true", "false"]) }),
  handler: async (ctx, i) => setWebhookEndpointEnabled(ctx, ctx.resellerId, i.endpointId, i.enabled === "true"),
});

export const rotateWebhookSecretAction = defineAction({
  area: "console",
  roles: MANAGERS,
  input: z.object({ endpointId: z.uuid() }),
  reauth: true,
  handler: async (ctx, i) => {
    const rotated = await rotateWebhookSecret(ctx, ctx.resellerId, i.endpointId);
    return { secret: rotated.secret };
  },
});

export const replayWebhookDeliveryAction = defineAction({
  area: "console",
  roles: MANAGERS,
  input: z.object({ deliveryId: z.uuid() }),
  handler: async (ctx, i) => replayWebhookDelivery(ctx, ctx.resellerId, i.deliveryId),
});
