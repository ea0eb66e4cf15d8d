/**
 * The end of a transfer in, as the registry's poll message tells it (the poll processor calls this):
 * approved (by the losing registrar or by the registry after five days) → the item completes, the hold
 * is captured and the domain becomes active with the expiry the registry gives (one year added);
 * rejected or cancelled → the item fails and is refunded, and the pending domain row goes away.
 * Privacy bought with the transfer waits with it: it completes, its relay address is written and the
 * proxy's placement at the registry is queued, or it is refunded with the transfer (decision 127).
 */
import { db, type Tx } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { completeItem, failItem } from "@/server/orders/complete-item";
import { refundItem } from "@/server/orders/refund-item";
import type { TransferInfo } from "@/server/registry";
import { callRegistry, RegistryRefusal } from "@/server/registry/access";
import { notifyIfOrderFinished } from "@/server/orders/notify-order-finished";
import { forgetCheck } from "@/server/domains/search/check-cache";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { ensureRelayRow, placeProxyAfterTransferJob } from "@/server/domains/provisioners/proxy-after-transfer";

const APPROVED = new Set(["clientApproved", "serverApproved"]);
const TRANSFER_LOCK_DAYS = 60;

export type TransferInOutcome = Pick<TransferInfo, "status"> & Partial<TransferInfo>;

async function expiryFromRegistry(domain: {
  id: string;
  name: string;
  resellerId: string;
}): Promise<{ expiresAt?: Date; roid?: string; nameservers?: string[] }> {
  try {
    const r = await callRegistry(systemContext(domain.resellerId), domain, "infoDomain", {
      name: domain.name,
      hosts: "none",
    });
    return {
      expiresAt: r.data.expiresAt ? new Date(r.data.expiresAt) : undefined,
      roid: r.data.roid,
      nameservers: r.data.nameservers,
    };
  } catch (e) {
    // Without the registry's answer the poll message's expiry (or ours) stands.
    if (e instanceof RegistryRefusal) return {};
    throw e;
  }
}

/** Returns what was done, in words, for the poll log. */
export async function applyTransferInResult(domainName: string, outcome: TransferInOutcome): Promise<string> {
  const name = domainName.toLowerCase();
  const domain = await db.domain.findUnique({ where: { name } });
  if (!domain || domain.state !== "pending_transfer_in") return `no transfer in pending for ${name}`;
  if (outcome.status === "pending") return `transfer in of ${name} still pending`;
  const item = await db.orderItem.findFirst({
    where: { resellerId: domain.resellerId, subject: name, kind: "domain_transfer", state: "pending_registry" },
    orderBy: { createdAt: "desc" },
  });
  // Read after the domain row is locked by the update or delete: the privacy provisioner takes the same
  // lock before it leaves its item waiting, so one of the two always sees the other.
  const privacyItemOf = async (tx: Tx) =>
    item
      ? await tx.orderItem.findFirst({
          where: { orderId: item.orderId, subject: name, kind: "privacy", state: "pending_registry" },
          select: { id: true },
        })
      : null;
  const ctx = systemContext(domain.resellerId);
  if (APPROVED.has(outcome.status)) {
    const info = await expiryFromRegistry(domain);
    const expiresAt = outcome.expiresAt ? new Date(outcome.expiresAt) : (info.expiresAt ?? domain.expiresAt);
    await db.$transaction(async (tx) => {
      if (item) await completeItem(tx, item.id);
      await tx.domain.update({
        where: { id: domain.id },
        data: {
          state: "active",
          expiresAt,
          roid: info.roid ?? domain.roid,
          nameservers: info.nameservers ?? domain.nameservers,
          registeredAt: domain.registeredAt ?? new Date(),
          pendingTransferDeadline: null,
          transferLockedUntil: new Date(Date.now() + TRANSFER_LOCK_DAYS * 86_400_000),
          lastSyncedAt: new Date(),
        },
      });
      const privacyItem = await privacyItemOf(tx);
      if (privacyItem) await completeItem(tx, privacyItem.id);
      if (domain.privacy) {
        await ensureRelayRow(tx, domain);
        await enqueueJob(tx, placeProxyAfterTransferJob, { domainId: domain.id });
      }
      await recordAudit(tx, ctx, {
        action: "domain.transfer_in.completed",
        entity: "domain",
        entityId: domain.id,
        resellerId: domain.resellerId,
        before: { state: domain.state, expiresAt: domain.expiresAt },
        after: { state: "active", expiresAt, status: outcome.status },
      });
    });
    forgetCheck(name);
    if (item) await notifyIfOrderFinished(item.orderId);
    return `transfer in of ${name} completed (${outcome.status}); expires ${expiresAt?.toISOString().slice(0, 10) ?? "unknown"}`;
  }
  const reason =
    outcome.status === "clientRejected"
      ? "The current registrar rejected the transfer."
      : "The transfer was cancelled.";
  const privacyItem = await db.$transaction(async (tx) => {
    if (item) await failItem(tx, item.id, reason);
    await tx.domain.delete({ where: { id: domain.id } });
    const privacy = await privacyItemOf(tx);
    if (privacy) await failItem(tx, privacy.id, reason);
    await recordAudit(tx, ctx, {
      action: "domain.transfer_in.ended",
      entity: "domain",
      entityId: domain.id,
      resellerId: domain.resellerId,
      before: { state: domain.state },
      after: { status: outcome.status },
    });
    return privacy;
  });
  if (item) {
    await refundItem(item.id, reason);
    if (privacyItem) await refundItem(privacyItem.id, reason);
    await notifyIfOrderFinished(item.orderId);
  }
  return `transfer in of ${name} ended: ${outcome.status}`;
}
