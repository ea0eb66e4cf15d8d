/**
 * Provisioner for `domain_restore` items: RFC 3915 restore request plus report for a name in its
 * redemption period; the order item carries the restore fee, so a restore is always paid.
 */
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import type { Provisioner } from "@/server/orders/provisioner";
import { restoreAtRegistry } from "@/server/domains/manage/renewal-steps";
import { domainOfItem } from "@/server/domains/manage/domain-of-item";

export const provisioner: Provisioner = async (job) => {
  const { domain } = await domainOfItem(job.item);
  if (!domain) return { status: "failed", reason: `${job.item.subject} is not a domain we manage.` };
  if (domain.state !== "redemption")
    return { status: "failed", reason: "Only a domain in its redemption period can be restored." };
  const out = await restoreAtRegistry(job.registry.forDomain(domain.name), domain);
  return {
    status: "completed",
    message: `Restored: active again, expires on ${out.expiresAt.toISOString().slice(0, 10)}. ${out.message}`,
    commit: async (tx) => {
      await tx.domain.update({
        where: { id: domain.id },
        data: {
          state: "active",
          expiresAt: out.expiresAt,
          registryStatuses: out.statuses ?? domain.registryStatuses,
          lastSyncedAt: new Date(),
        },
      });
      await tx.domainLifecycle.deleteMany({ where: { domainId: domain.id } });
      await recordAudit(tx, systemContext(domain.resellerId), {
        action: "domain.restore",
        entity: "domain",
        entityId: domain.id,
        resellerId: domain.resellerId,
        before: { state: domain.state },
        after: { state: "active", expiresAt: out.expiresAt, orderItemId: job.item.id },
      });
    },
  };
};
