/**
 * Webhook endpoints through the API. A key manages the endpoints of its own mode: a live key the
 * reseller's, a test key its sandbox's (the caller's context is the sandbox's, decision 100), so
 * test events never reach an endpoint a live key made, nor the reverse.
 */
import { z } from "zod";
import { AppError } from "@/server/errors";
import { createWebhookEndpoint, createWebhookEndpointInput } from "@/server/webhooks/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/server/webhooks/list-webhooks";
import { deleteWebhookEndpoint } from "@/server/webhooks/manage-webhook-endpoint";
import { WEBHOOK_EVENT_TYPES } from "@/server/webhooks/outbox/event-types";
import { defineRoute } from "./define-route";
import { isoDate, noParams, noQuery } from "./schemas";
import { UUID } from "./uuid";

const endpoint = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  secretPrefix: z.string().describe("The signing secret's first characters, to tell a rotated secret apart."),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  createdAt: isoDate,
});

type EndpointRow = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];

function endpointView(e: EndpointRow): z.input<typeof endpoint> {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    secretPrefix: e.secretPrefix,
    enabled: e.enabled,
    disabledReason: e.disabledReason,
    createdAt: e.createdAt.toISOString(),
  };
}

export const listWebhookEndpointsRoute = defineRoute({
  method: "GET",
  path: "/webhook-endpoints",
  operationId: "listWebhookEndpoints",
  summary: "The webhook endpoints of the key's mode (a test key sees the sandbox's), newest first.",
  scope: "read",
  params: noParams,
  query: noQuery,
  body: null,
  response: z.object({ data: z.array(endpoint) }),
  handler: async (caller) => ({
    data: (await listWebhookEndpoints(caller.ctx, caller.ctx.resellerId)).map(endpointView),
  }),
});

export const createWebhookEndpointRoute = defineRoute({
  method: "POST",
  path: "/webhook-endpoints",
  operationId: "createWebhookEndpoint",
  summary:
    "Register an endpoint for the key's mode: a test key's receives only sandbox events (their body carries mode: test), a live key's only live ones. The signing secret is in this answer only.",
  scope: "domains",
  params: noParams,
  query: noQuery,
  body: z.object({
    url: createWebhookEndpointInput.shape.url,
    description: z.string().max(200).optional(),
    eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1),
  }),
  response: endpoint.extend({
    secret: z.string().describe("whsec_…: verify each delivery with it (Standard Webhooks). Shown only here."),
  }),
  status: 201,
  // The signing secret is stored sealed (decision 091), so its copy for replays is too.
  sealAnswer: true,
  handler: async (caller, { body }) => {
    const created = await createWebhookEndpoint(caller.ctx, caller.ctx.resellerId, body);
    const row = (await listWebhookEndpoints(caller.ctx, caller.ctx.resellerId)).find((e) => e.id === created.id);
    if (!row) throw new AppError("INTERNAL");
    return { ...endpointView(row), secret: created.secret };
  },
});

export const deleteWebhookEndpointRoute = defineRoute({
  method: "DELETE",
  path: "/webhook-endpoints/{id}",
  operationId: "deleteWebhookEndpoint",
  summary: "Remove an endpoint of the key's mode with its delivery log; nothing more is sent to it.",
  scope: "domains",
  params: z.object({ id: z.string().max(64) }),
  query: noQuery,
  body: null,
  response: z.object({ deleted: z.literal(true) }),
  handler: async (caller, { params }) => {
    if (!UUID.test(params.id)) throw new AppError("NOT_FOUND");
    return deleteWebhookEndpoint(caller.ctx, caller.ctx.resellerId, params.id);
  },
});
