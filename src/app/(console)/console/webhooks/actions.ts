"use server";
/**
 * Webhooks from the reseller console: register an endpoint (its secret shown once), enable or
 * disable it, rotate its secret, delete it, replay a delivery. Owners and admins only. Each takes the
 * mode: "test" acts on the sandbox's endpoints, which receive the events of test API keys.
 */
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { createWebhookEndpoint } from "@/server/webhooks/create-webhook-endpoint";
import {
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
} from "@/server/webhooks/manage-webhook-endpoint";
import { replayWebhookDelivery } from "@/server/webhooks/replay-webhook-delivery";
import { WEBHOOK_EVENT_TYPES } from "@/server/webhooks/outbox/event-types";
import { WEBHOOK_MODES, webhookContext } from "@/server/webhooks/webhook-mode";

const MANAGERS = ["owner", "admin"] as const;
const mode = z.enum(WEBHOOK_MODES).default("live");

const createInput = z.object({
  url: z.string().max(2_000),
  description: z.string().max(200).default(""),
  eventTypes: z.union([z.enum(WEBHOOK_EVENT_TYPES), z.array(z.enum(WEBHOOK_EVENT_TYPES))]).optional(),
  mode,
});

export const createWebhookEndpointAction = defineAction({
  area: "console",
  roles: MANAGERS,
  input: createInput,
  // Order and domain events leave the platform for this URL: adding one wants a recent sign-in.
  reauth: true,
  handler: async (ctx, i) => {
    const acting = await webhookContext(ctx, i.mode);
    const created = await createWebhookEndpoint(acting, acting.resellerId, {
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
  input: z.object({ endpointId: z.uuid(), enabled: z.enum(["true", "false"]), mode }),
  handler: async (ctx, i) => {
    const acting = await webhookContext(ctx, i.mode);
    return setWebhookEndpointEnabled(acting, acting.resellerId, i.endpointId, i.enabled === "true");
  },
});

export const rotateWebhookSecretAction = defineAction({
  area: "console",
  roles: MANAGERS,
  input: z.object({ endpointId: z.uuid(), mode }),
  reauth: true,
  handler: async (ctx, i) => {
    const acting = await webhookContext(ctx, i.mode);
    const rotated = await rotateWebhookSecret(acting, acting.resellerId, i.endpointId);
    return { secret: rotated.secret };
  },
});

export const deleteWebhookEndpointAction = defineAction({
  area: "console",
  roles: MANAGERS,
  input: z.object({ endpointId: z.uuid(), mode }),
  handler: async (ctx, i) => {
    const acting = await webhookContext(ctx, i.mode);
    await deleteWebhookEndpoint(acting, acting.resellerId, i.endpointId);
    return { deleted: true as const, mode: i.mode };
  },
  // After the page it was on is gone, back to the list of the same mode.
  redirectTo: (d) => (d.mode === "test" ? "/console/webhooks?mode=test" : "/console/webhooks"),
});

export const replayWebhookDeliveryAction = defineAction({
  area: "console",
  roles: MANAGERS,
  input: z.object({ deliveryId: z.uuid(), mode }),
  handler: async (ctx, i) => {
    const acting = await webhookContext(ctx, i.mode);
    return replayWebhookDelivery(acting, acting.resellerId, i.deliveryId);
  },
});
