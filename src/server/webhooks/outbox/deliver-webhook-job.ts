/**
 * One job per delivery attempt. "scheduled" jobs are the first send and the automatic retries: a
 * failure enqueues the next one after the retry schedule's wait, in the transaction that logs the
 * attempt. "replay" jobs are asked for in the console: one more attempt with the same webhook-id,
 * which schedules nothing. The queue's own retries only cover a crash of the handler itself.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { env } from "@/env";
import { defineJob } from "@/server/jobs/define-job";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { openSecret } from "@/server/crypto/sealed-secret";
import { retryDelayMs, shouldDisable } from "./retry-schedule";
import { sendWebhook } from "./send-webhook";
import { disableFailingEndpoint } from "./disable-failing-endpoint";

export type DeliveryTrigger = "scheduled" | "replay";

export async function attemptDelivery(deliveryId: string, trigger: DeliveryTrigger): Promise<void> {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery || (trigger === "scheduled" && delivery.state !== "pending")) return;
  const [endpoint, event] = await Promise.all([
    db.webhookEndpoint.findUnique({ where: { id: delivery.endpointId } }),
    db.webhookEvent.findUniqueOrThrow({ where: { id: delivery.eventId } }),
  ]);
  if (!endpoint?.enabled) {
    if (trigger === "scheduled")
      await db.webhookDelivery.updateMany({
        where: { id: deliveryId, state: "pending" },
        data: { state: "abandoned", nextAttemptAt: null },
      });
    return;
  }
  const secret = openSecret(endpoint.secretEnc);
  if (!secret) throw new Error(`webhook endpoint ${endpoint.id}: its signing secret cannot be opened (DATA_KEYS)`);
  const now = new Date();
  const sent = await sendWebhook({
    url: endpoint.url,
    secret,
    messageId: event.id,
    body: event.body,
    production: env().NODE_ENV === "production",
    now,
  });
  const ok = sent.status !== null && sent.status >= 200 && sent.status < 300;
  await db.$transaction(async (tx) => {
    const { attempts } = await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: { attempts: { increment: 1 }, lastStatus: sent.status },
      select: { attempts: true },
    });
    await tx.webhookAttempt.create({
      data: {
        deliveryId,
        endpointId: endpoint.id,
        resellerId: endpoint.resellerId,
        number: attempts,
        trigger,
        url: endpoint.url,
        requestHeaders: sent.requestHeaders,
        requestBody: event.body,
        responseStatus: sent.status,
        responseBody: sent.body,
        error: sent.error,
        durationMs: sent.durationMs,
        startedAt: now,
      },
    });
    if (ok) {
      await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { state: "succeeded", nextAttemptAt: null } });
      await tx.webhookEndpoint.update({
        where: { id: endpoint.id },
        data: { consecutiveFailures: 0, failingSince: null },
      });
      return;
    }
    if (trigger === "scheduled") {
      const failed = await tx.webhookAttempt.count({ where: { deliveryId, trigger: "scheduled" } });
      const wait = retryDelayMs(failed);
      const next = wait === null ? null : new Date(now.getTime() + wait);
      await tx.webhookDelivery.update({
        where: { id: deliveryId },
        data: next ? { nextAttemptAt: next } : { state: "failed", nextAttemptAt: null },
      });
      if (next) await enqueueJob(tx, deliverWebhookJob, { deliveryId, trigger: "scheduled" }, { startAfter: next });
    }
    const [streak] = await tx.$queryRaw<{ consecutiveFailures: number; failingSince: Date | null }[]>`
      UPDATE "WebhookEndpoint"
      SET "consecutiveFailures" = "consecutiveFailures" + 1, "failingSince" = coalesce("failingSince", ${now})
      WHERE id = ${endpoint.id}
      RETURNING "consecutiveFailures", "failingSince"`;
    if (streak && shouldDisable(streak, now)) await disableFailingEndpoint(tx, endpoint.id, streak, now);
  });
}

export const deliverWebhookJob = defineJob({
  name: "webhooks.deliver",
  payload: z.object({ deliveryId: z.uuid(), trigger: z.enum(["scheduled", "replay"]) }),
  // HTTP failures are retried by the schedule above; these retries are for a handler that crashed.
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  expireInSeconds: 120,
  concurrency: 4,
  handler: (data) => attemptDelivery(data.deliveryId, data.trigger),
});
