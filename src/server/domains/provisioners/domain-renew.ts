/**
 * Provisioner for `domain_renew` items: renews at the registry with the current expiry date (after
 * asking the registry, so a retry never renews twice) and, in the dispatcher's transaction, moves the
 * domain's expiry and clears its lifecycle windows.
 */
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import type { Provisioner } from "@/server/orders/provisioner";
import { renewAtRegistry } from "@/server/domains/manage/renewal-steps";
import { domainOfItem } from "@/server/domains/manage/domain-of-item";
import { emitWebhookEvent } from "@/server/webhooks/outbox/emit-webhook-event";

export const provisioner: Provisioner = async (job) => {
  const { domain, details } = await domainOfItem(job.item);
  if (!domain) return { status: "failed", reason: `${job.item.subject} is not a domain we manage.` };
  if (domain.state !== "active" && domain.state !== "expired")
    return { status: "failed", reason: `A domain that is ${domain.state.replaceAll("_", " ")} cannot be renewed.` };
  const currentExpiry = new Date(details.currentExpiry ?? domain.expiresAt ?? Date.now());
  const out = await renewAtRegistry(job.registry.forDomain(domain.name), domain, job.item.period, currentExpiry);
  return {
    status: "completed",
    message: `Renewed for ${job.item.period} year(s): expires on ${out.expiresAt.toISOString().slice(0, 10)}. ${out.message}`,
    commit: async (tx) => {
      await tx.domain.update({
        where: { id: domain.id },
        data: { expiresAt: out.expiresAt, state: "active", lastSyncedAt: new Date() },
      });
      await tx.domainLifecycle.deleteMany({ where: { domainId: domain.id } });
      await emitWebhookEvent(tx, {
        resellerId: domain.resellerId,
        type: "domain.renewed",
        dedupeKey: `domain.renewed:${job.item.id}`,
        data: {
          domain: domain.name,
          expiresAt: out.expiresAt.toISOString(),
          years: job.item.period,
          orderId: job.item.orderId,
          orderItemId: job.item.id,
        },
      });
      await recordAudit(tx, systemContext(domain.resellerId), {
        action: "domain.renew",
        entity: "domain",
        entityId: domain.id,
        resellerId: domain.resellerId,
        before: { expiresAt: domain.expiresAt, state: domain.state },
        after: { expiresAt: out.expiresAt, years: job.item.period, orderItemId: job.item.id },
      });
    },
  };
};
