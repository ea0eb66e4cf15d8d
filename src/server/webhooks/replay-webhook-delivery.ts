/**
 * Replay by hand: one more attempt of a delivery with the same webhook-id and body (receivers that
 * deduplicate on webhook-id see it as the same message), signed afresh. It schedules no retries.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { assertResellerWritable, requireResellerManager } from "@/server/tenancy/guards";
import { deliverWebhookJob } from "./outbox/deliver-webhook-job";

export async function replayWebhookDelivery(
  ctx: ActorContext,
  resellerId: string,
  deliveryId: string,
): Promise<{ queued: true }> {
  requireResellerManager(ctx, resellerId);
  await db.$transaction(async (tx) => {
    await assertResellerWritable(tx, resellerId);
    const delivery = await tx.webhookDelivery.findUnique({ where: { id: deliveryId } });
    if (!delivery || delivery.resellerId !== resellerId)
      throw new AppError("NOT_FOUND", "We could not find that delivery.");
    const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: delivery.endpointId } });
    if (!endpoint.enabled)
      throw new AppError("INVALID_INPUT", "Enable the endpoint before replaying deliveries to it.");
    await enqueueJob(tx, deliverWebhookJob, { deliveryId, trigger: "replay" });
    await recordAudit(tx, ctx, {
      action: "webhook_delivery.replay",
      entity: "webhook_delivery",
      entityId: deliveryId,
      resellerId,
      after: { eventId: delivery.eventId, endpointId: delivery.endpointId },
    });
  });
  return { queued: true };
}
