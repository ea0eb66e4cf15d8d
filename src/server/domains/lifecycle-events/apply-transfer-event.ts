/**
 * Transfer poll messages about names we sponsor: another registrar asked (pending transfer out with
 * the registry's deadline), the transfer went through (transferred away) or ended (back to active).
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { queueMail } from "@/server/mail/send-mail";
import { emitWebhookEvent } from "@/server/webhooks/outbox/emit-webhook-event";
import type { TransferInfo } from "@/server/registry";
import type { Domain } from "@/generated/prisma/client";

export async function markTransferredAway(domainId: string, resellerId: string, how: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { name, ...before } = await tx.domain.findUniqueOrThrow({
      where: { id: domainId },
      select: { state: true, name: true },
    });
    await tx.domain.update({
      where: { id: domainId },
      data: { state: "transferred_away", pendingTransferDeadline: null, autoRenew: false },
    });
    await tx.domainLifecycle.deleteMany({ where: { domainId } });
    await emitWebhookEvent(tx, { resellerId, type: "domain.transferred_out", data: { domain: name, domainId, how } });
    await recordAudit(tx, systemContext(resellerId), {
      action: "domain.transferred_away",
      entity: "domain",
      entityId: domainId,
      resellerId,
      before,
      after: { state: "transferred_away", how },
    });
  });
}

async function notifyPending(domain: Domain, t: TransferInfo): Promise<void> {
  const who = domain.registrantId
    ? await db.registrant.findUnique({ where: { id: domain.registrantId }, select: { email: true } })
    : null;
  const brand = await db.reseller.findUnique({ where: { id: domain.resellerId }, select: { displayName: true } });
  await db.$transaction(async (tx) => {
    await tx.domain.update({
      where: { id: domain.id },
      data: { state: "pending_transfer_out", pendingTransferDeadline: new Date(t.actionDeadline) },
    });
    await recordAudit(tx, systemContext(domain.resellerId), {
      action: "domain.transfer_out.requested",
      entity: "domain",
      entityId: domain.id,
      resellerId: domain.resellerId,
      before: { state: domain.state },
      after: { state: "pending_transfer_out", requestedBy: t.requestedBy, deadline: t.actionDeadline },
    });
    if (who) {
      const deadline = t.actionDeadline.slice(0, 10);
      await queueMail(tx, {
        to: who.email,
        subject: `Transfer requested for ${domain.unicodeName}`,
        text: `Another registrar has asked to transfer ${domain.unicodeName} away from ${brand?.displayName ?? "us"}.\n\nIf you asked for this, you need do nothing: it completes on ${deadline}, or approve it now from your account. If you did not, reject it from your account before ${deadline}.\n\n${brand?.displayName ?? ""}`,
        kind: "domain.transfer_out.requested",
        resellerId: domain.resellerId,
      });
    }
  });
}

/** Returns what was done, for the poll log. */
export async function applyTransferOut(domain: Domain, t: TransferInfo): Promise<string> {
  if (t.status === "pending") {
    if (domain.state === "pending_transfer_out") return "already pending transfer out";
    await notifyPending(domain, t);
    return `pending transfer out until ${t.actionDeadline}`;
  }
  if (t.status === "clientApproved" || t.status === "serverApproved") {
    if (domain.state === "transferred_away") return "already transferred away";
    await markTransferredAway(domain.id, domain.resellerId, t.status);
    return `transferred away (${t.status})`;
  }
  if (domain.state === "pending_transfer_out") {
    await db.$transaction(async (tx) => {
      await tx.domain.update({ where: { id: domain.id }, data: { state: "active", pendingTransferDeadline: null } });
      await recordAudit(tx, systemContext(domain.resellerId), {
        action: "domain.transfer_out.ended",
        entity: "domain",
        entityId: domain.id,
        resellerId: domain.resellerId,
        before: { state: domain.state },
        after: { state: "active", status: t.status },
      });
    });
  }
  return `transfer ${t.status}`;
}
