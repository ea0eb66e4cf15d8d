/**
 * Deletes a domain at the registry. Inside the add grace period the registry purges it at once and
 * credits the registration, so the registration item is refunded; otherwise the name enters the
 * 30-day redemption period (1001) and can still be restored for the restore fee.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { refundItem } from "@/server/orders/refund-item";
import { callRegistry } from "@/server/registry/access";
import { addDays, platformNow } from "../lifecycle/clock";
import { LIFECYCLE } from "../lifecycle/policy";
import { applyDomainChange, type ManageResult } from "./apply-change";
import { assertManageable, getDomainOrThrow } from "./get-domain-or-throw";
import type { Domain } from "@/generated/prisma/client";

export async function deleteDomain(
  ctx: ActorContext,
  input: { domainId: string; confirmName: string },
): Promise<ManageResult> {
  const domain = await getDomainOrThrow(ctx, input.domainId, { write: true });
  assertManageable(domain, "delete the domain");
  if (input.confirmName.trim().toLowerCase() !== domain.name && input.confirmName.trim() !== domain.unicodeName) {
    throw new AppError("INVALID_INPUT", "Type the domain name to confirm.", {
      fields: { confirmName: `Type ${domain.unicodeName} to confirm.` },
    });
  }
  await removeGlueHosts(ctx, domain);
  const r = await callRegistry(ctx, domain, "deleteDomain", { name: domain.name });
  const now = platformNow();
  if (!r.data.pending) {
    await applyDomainChange(
      ctx,
      domain,
      "domain.delete.purged",
      { state: "deleted", nameservers: [], autoRenew: false },
      { before: { state: domain.state }, after: { state: "deleted" } },
    );
    const item = await db.orderItem.findFirst({
      where: { resellerId: domain.resellerId, subject: domain.name, kind: "domain_register", state: "completed" },
      orderBy: { createdAt: "desc" },
    });
    if (item) await refundItem(item.id, "deleted within the add grace period");
    return {
      code: r.code,
      message: `Deleted within the add grace period: the name is released and the registration refunded. ${r.words}`,
    };
  }
  const redemptionEndsAt = addDays(now, LIFECYCLE.redemptionDays);
  await applyDomainChange(
    ctx,
    domain,
    "domain.delete.redemption",
    { state: "redemption", autoRenew: false },
    { before: { state: domain.state }, after: { state: "redemption", redemptionEndsAt } },
  );
  await db.domainLifecycle.upsert({
    where: { domainId: domain.id },
    create: {
      domainId: domain.id,
      resellerId: domain.resellerId,
      redemptionEndsAt,
      purgeAt: addDays(redemptionEndsAt, LIFECYCLE.pendingDeleteDays),
    },
    update: { redemptionEndsAt, purgeAt: addDays(redemptionEndsAt, LIFECYCLE.pendingDeleteDays) },
  });
  return {
    code: r.code,
    message: `The domain is deleted and in its redemption period until ${redemptionEndsAt.toISOString().slice(0, 10)}; it can be restored until then for the restore fee. ${r.words}`,
  };
}

/** The registry refuses to delete a domain with hosts under it (2305): unlink and delete them first. */
async function removeGlueHosts(ctx: ActorContext, domain: Domain): Promise<void> {
  const hosts = await db.host.findMany({ where: { domainId: domain.id } });
  if (!hosts.length) return;
  const linked = hosts.map((h) => h.name).filter((h) => domain.nameservers.includes(h));
  if (linked.length) {
    await callRegistry(ctx, domain, "updateDomain", { name: domain.name, remove: { nameservers: linked } });
    await db.domain.update({
      where: { id: domain.id },
      data: { nameservers: domain.nameservers.filter((n) => !linked.includes(n)) },
    });
  }
  for (const h of hosts) {
    await callRegistry(ctx, domain, "deleteHost", { name: h.name });
    await db.host.delete({ where: { id: h.id } });
  }
}
