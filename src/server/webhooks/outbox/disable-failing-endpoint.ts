/**
 * An endpoint that has failed for too long is switched off, so the queue stops spending attempts on
 * it, and the reseller's owners are told by mail (the console shows it too). The conditional update
 * makes it happen once when several deliveries fail at the same moment.
 */
import type { Tx } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { queueMail } from "@/server/mail/send-mail";

type Streak = { consecutiveFailures: number; failingSince: Date | null };

export async function disableFailingEndpoint(tx: Tx, endpointId: string, streak: Streak, now: Date): Promise<void> {
  const since = streak.failingSince?.toISOString().slice(0, 16).replace("T", " ") ?? "";
  const reason = `Every delivery failed since ${since} UTC (${streak.consecutiveFailures} attempts in a row).`;
  const switched = await tx.webhookEndpoint.updateMany({
    where: { id: endpointId, enabled: true },
    data: { enabled: false, disabledAt: now, disabledReason: reason },
  });
  if (switched.count !== 1) return;
  const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
  await tx.webhookDelivery.updateMany({
    where: { endpointId, state: "pending" },
    data: { state: "abandoned", nextAttemptAt: null },
  });
  await recordAudit(tx, systemContext(endpoint.resellerId), {
    action: "webhook_endpoint.auto_disable",
    entity: "webhook_endpoint",
    entityId: endpointId,
    resellerId: endpoint.resellerId,
    before: { enabled: true },
    after: { enabled: false, reason },
  });
  const [reseller, owners] = await Promise.all([
    tx.reseller.findUnique({ where: { id: endpoint.resellerId }, select: { displayName: true } }),
    tx.membership.findMany({
      where: { resellerId: endpoint.resellerId, role: "owner", user: { disabledAt: null } },
      select: { user: { select: { email: true } } },
    }),
  ]);
  for (const owner of owners) {
    await queueMail(tx, {
      to: owner.user.email,
      kind: "webhook.endpoint-disabled",
      resellerId: endpoint.resellerId,
      subject: `${reseller?.displayName ?? "Your account"}: a webhook endpoint was disabled`,
      text:
        `We stopped sending webhooks to ${endpoint.url}.\n\n${reason}\n\n` +
        `Events are no longer sent there. Once the endpoint answers again, enable it in the console ` +
        `(Webhooks) and replay the deliveries you missed from its delivery log.`,
    });
  }
}
