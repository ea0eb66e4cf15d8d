/**
 * What the console shows of webhooks: endpoints (never the secret), and an endpoint's recent
 * deliveries with every attempt's request and response (the delivery log).
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { assertRole } from "@/server/context";
import { AppError } from "@/server/errors";
import { requireResellerReader } from "@/server/tenancy/guards";

const READERS = ["owner", "admin", "registrar_admin", "registrar_auditor", "system"] as const;

export async function listWebhookEndpoints(ctx: ActorContext, resellerId: string) {
  requireResellerReader(ctx, resellerId);
  assertRole(ctx, READERS);
  return db.webhookEndpoint.findMany({
    where: { resellerId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      url: true,
      description: true,
      eventTypes: true,
      secretPrefix: true,
      enabled: true,
      disabledAt: true,
      disabledReason: true,
      consecutiveFailures: true,
      createdAt: true,
    },
  });
}

export type WebhookEndpointView = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];

/** The endpoint and its latest deliveries, newest first, each with its attempts in order. */
export async function getWebhookEndpointLog(ctx: ActorContext, resellerId: string, endpointId: string, take = 50) {
  requireResellerReader(ctx, resellerId);
  assertRole(ctx, READERS);
  const endpoint = (await listWebhookEndpoints(ctx, resellerId)).find((e) => e.id === endpointId);
  if (!endpoint) throw new AppError("NOT_FOUND", "We could not find that webhook endpoint.");
  const deliveries = await db.webhookDelivery.findMany({
    where: { endpointId, resellerId },
    orderBy: { createdAt: "desc" },
    take,
  });
  const ids = deliveries.map((d) => d.id);
  const [events, attempts] = await Promise.all([
    db.webhookEvent.findMany({
      where: { id: { in: deliveries.map((d) => d.eventId) } },
      select: { id: true, type: true, createdAt: true },
    }),
    db.webhookAttempt.findMany({ where: { deliveryId: { in: ids } }, orderBy: { id: "asc" } }),
  ]);
  const eventOf = new Map(events.map((e) => [e.id, e]));
  return {
    endpoint,
    deliveries: deliveries.map((d) => ({
      ...d,
      event: eventOf.get(d.eventId),
      attempts: attempts
        .filter((a) => a.deliveryId === d.id)
        .map((a) => ({ ...a, id: a.id.toString(), requestHeaders: a.requestHeaders as Record<string, string> })),
    })),
  };
}
