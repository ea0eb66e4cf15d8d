/**
 * Owners and admins register webhook endpoints in the console. The signing secret is returned once,
 * here; afterwards only its prefix is shown. The registration is audited (without the secret).
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import { recordAudit } from "@/server/audit/record-audit";
import { assertResellerWritable, requireResellerManager } from "@/server/tenancy/guards";
import { WEBHOOK_EVENT_TYPES } from "./outbox/event-types";
import { checkWebhookTarget } from "./check-webhook-target";
import { newSigningSecret } from "./signing-secret";

/** Enough for a shop, a billing system and a few staging copies; bounds the fan-out of one event. */
export const MAX_ENDPOINTS = 20;

export const createWebhookEndpointInput = z.object({
  url: z.string().trim().min(1, "Give the endpoint's URL.").max(2_000),
  description: z.string().trim().max(200).default(""),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, "Choose at least one event."),
});

export type CreatedWebhookEndpoint = { id: string; secret: string; secretPrefix: string };

export async function createWebhookEndpoint(
  ctx: ActorContext,
  resellerId: string,
  raw: z.input<typeof createWebhookEndpointInput>,
): Promise<CreatedWebhookEndpoint> {
  requireResellerManager(ctx, resellerId);
  if (ctx.kind !== "user") throw new AppError("FORBIDDEN");
  const input = parseInput(createWebhookEndpointInput, raw);
  const url = await checkWebhookTarget(input.url);
  const secret = newSigningSecret();
  const row = await db.$transaction(async (tx) => {
    await assertResellerWritable(tx, resellerId);
    if ((await tx.webhookEndpoint.count({ where: { resellerId } })) >= MAX_ENDPOINTS)
      throw new AppError("INVALID_INPUT", `A reseller can have at most ${MAX_ENDPOINTS} webhook endpoints.`);
    const created = await tx.webhookEndpoint.create({
      data: {
        resellerId,
        url,
        description: input.description,
        eventTypes: [...new Set(input.eventTypes)],
        secretEnc: secret.secretEnc,
        secretPrefix: secret.secretPrefix,
        createdById: ctx.actorId,
      },
    });
    await recordAudit(tx, ctx, {
      action: "webhook_endpoint.create",
      entity: "webhook_endpoint",
      entityId: created.id,
      resellerId,
      after: { url, eventTypes: created.eventTypes, secretPrefix: created.secretPrefix },
    });
    return created;
  });
  return { id: row.id, secret: secret.secret, secretPrefix: row.secretPrefix };
}
