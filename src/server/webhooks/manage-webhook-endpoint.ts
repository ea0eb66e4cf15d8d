/**
 * Changing an endpoint from the console: enable or disable it, or rotate its signing secret (the new
 * one is shown once and signs every attempt from now on, retries of older events included). Another
 * reseller's endpoint is not found. Each change is audited.
 */
import { db, type Tx } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { assertResellerWritable, requireResellerManager } from "@/server/tenancy/guards";
import { newSigningSecret } from "./signing-secret";

async function ownEndpoint(tx: Tx, resellerId: string, endpointId: string) {
  const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: endpointId } });
  if (!endpoint || endpoint.resellerId !== resellerId)
    throw new AppError("NOT_FOUND", "We could not find that webhook endpoint.");
  return endpoint;
}

export async function setWebhookEndpointEnabled(
  ctx: ActorContext,
  resellerId: string,
  endpointId: string,
  enabled: boolean,
): Promise<{ enabled: boolean }> {
  requireResellerManager(ctx, resellerId);
  return db.$transaction(async (tx) => {
    await assertResellerWritable(tx, resellerId);
    const endpoint = await ownEndpoint(tx, resellerId, endpointId);
    if (endpoint.enabled === enabled) return { enabled };
    await tx.webhookEndpoint.update({
      where: { id: endpointId },
      // Enabling starts a new failure count, or the next failure would disable it again at once.
      data: enabled
        ? { enabled, disabledAt: null, disabledReason: null, consecutiveFailures: 0, failingSince: null }
        : { enabled, disabledAt: new Date(), disabledReason: "Disabled in the console." },
    });
    if (!enabled)
      await tx.webhookDelivery.updateMany({
        where: { endpointId, state: "pending" },
        data: { state: "abandoned", nextAttemptAt: null },
      });
    await recordAudit(tx, ctx, {
      action: enabled ? "webhook_endpoint.enable" : "webhook_endpoint.disable",
      entity: "webhook_endpoint",
      entityId: endpointId,
      resellerId,
      before: { enabled: endpoint.enabled },
      after: { enabled },
    });
    return { enabled };
  });
}

export async function rotateWebhookSecret(
  ctx: ActorContext,
  resellerId: string,
  endpointId: string,
): Promise<{ secret: string; secretPrefix: string }> {
  requireResellerManager(ctx, resellerId);
  const secret = newSigningSecret();
  await db.$transaction(async (tx) => {
    await assertResellerWritable(tx, resellerId);
    const endpoint = await ownEndpoint(tx, resellerId, endpointId);
    await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: { secretEnc: secret.secretEnc, secretPrefix: secret.secretPrefix },
    });
    await recordAudit(tx, ctx, {
      action: "webhook_endpoint.rotate_secret",
      entity: "webhook_endpoint",
      entityId: endpointId,
      resellerId,
      before: { secretPrefix: endpoint.secretPrefix },
      after: { secretPrefix: secret.secretPrefix },
    });
  });
  return { secret: secret.secret, secretPrefix: secret.secretPrefix };
}

/**
 * Removes the endpoint with its delivery log (the rows cascade); queued attempts then find no delivery
 * and stop. Events stay: other endpoints may have been sent them.
 */
export async function deleteWebhookEndpoint(
  ctx: ActorContext,
  resellerId: string,
  endpointId: string,
): Promise<{ deleted: true }> {
  requireResellerManager(ctx, resellerId);
  await db.$transaction(async (tx) => {
    await assertResellerWritable(tx, resellerId);
    const endpoint = await ownEndpoint(tx, resellerId, endpointId);
    await tx.webhookEndpoint.delete({ where: { id: endpointId } });
    await recordAudit(tx, ctx, {
      action: "webhook_endpoint.delete",
      entity: "webhook_endpoint",
      entityId: endpointId,
      resellerId,
      before: { url: endpoint.url, eventTypes: endpoint.eventTypes, secretPrefix: endpoint.secretPrefix },
    });
  });
  return { deleted: true };
}
