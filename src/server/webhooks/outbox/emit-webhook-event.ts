/**
 * The outbox: an event becomes a WebhookEvent row, a WebhookDelivery row per enabled endpoint that
 * subscribed to its type, and a delivery job for each, all in the caller's transaction. If the
 * caller rolls back, nothing is sent; if it commits, every endpoint gets the event at least once.
 * Callers anywhere in src/server may use this: it reaches only the kernel, jobs, mail, audit and crypto.
 */
import { randomUUID } from "node:crypto";
import type { Tx } from "@/server/db";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import type { WebhookEventType } from "./event-types";
import { deliverWebhookJob } from "./deliver-webhook-job";

export type WebhookEventInput = {
  resellerId: string;
  type: WebhookEventType;
  data: Record<string, unknown>;
  /** One event per key and reseller, whoever emits it and however often (defaults to unique). */
  dedupeKey?: string;
  at?: Date;
};

const listening = (resellerId: string, type: WebhookEventType) => ({
  resellerId,
  enabled: true,
  eventTypes: { has: type },
});

/** Whether any enabled endpoint of the reseller takes `type`: lets a caller skip opening a transaction. */
export async function anyoneListens(db: Tx, resellerId: string, type: WebhookEventType): Promise<boolean> {
  return (await db.webhookEndpoint.count({ where: listening(resellerId, type), take: 1 })) > 0;
}

/** Returns the event's id (its webhook-id), or null when nobody listens or it was emitted before. */
export async function emitWebhookEvent(tx: Tx, input: WebhookEventInput): Promise<string | null> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: listening(input.resellerId, input.type),
    select: { id: true },
  });
  if (!endpoints.length) return null;
  const id = `msg_${randomUUID().replaceAll("-", "")}`;
  const at = input.at ?? new Date();
  // A sandbox's events go only to the sandbox's own endpoints (a shadow reseller's, decision 108) and
  // say so inside the signed body, so a receiver can tell test traffic apart without trusting a header.
  const sandbox = await tx.sandboxTenant.findUnique({ where: { sandboxResellerId: input.resellerId } });
  const body = JSON.stringify({
    type: input.type,
    timestamp: at.toISOString(),
    ...(sandbox ? { mode: "test" } : {}),
    data: input.data,
  });
  // ON CONFLICT rather than catching a unique violation, which would abort the caller's transaction.
  const inserted = await tx.$executeRaw`
    INSERT INTO "WebhookEvent" (id, "resellerId", type, "dedupeKey", body, "createdAt")
    VALUES (${id}, ${input.resellerId}, ${input.type}, ${input.dedupeKey ?? id}, ${body}, ${at})
    ON CONFLICT ("resellerId", "dedupeKey") DO NOTHING`;
  if (inserted === 0) return null;
  for (const endpoint of endpoints) {
    const delivery = await tx.webhookDelivery.create({
      data: { eventId: id, endpointId: endpoint.id, resellerId: input.resellerId, nextAttemptAt: at },
      select: { id: true },
    });
    await enqueueJob(tx, deliverWebhookJob, { deliveryId: delivery.id, trigger: "scheduled" });
  }
  return id;
}
