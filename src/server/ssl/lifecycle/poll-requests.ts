/**
 * Certificate requests waiting for DCV or the CA are asked about again: records the platform may
 * publish are published, challenges whose proof is in place are confirmed, and an issued certificate
 * completes its order item (the hold captured, the issuance mail queued); a refusal fails the item and
 * refunds it. Then revocations that were asked for are carried out. Runs every minute (poll-job.ts);
 * each request at most once per `minIntervalMs`.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { completeItem, failItem } from "@/server/orders/complete-item";
import { refundItem } from "@/server/orders/refund-item";
import { notifyIfOrderFinished } from "@/server/orders/notify-order-finished";
import { advanceRequest, type RequestProgress } from "@/server/ssl/requests/advance-request";
import { recordIssued } from "@/server/ssl/requests/record-issued";
import { revokeRequested } from "@/server/ssl/requests/revoke-requested";

export type PollSummary = { asked: number; issued: number; rejected: number; waiting: number; errors: string[] };

/** Settles one request as the poll does (the bulk reissue settles refusals through it too). */
export async function settleRequest(
  request: { id: string; orderItemId: string | null; subscriptionId: string; resellerId: string; purpose: string },
  progress: RequestProgress,
) {
  if (progress.kind === "waiting") return;
  const itemId = request.orderItemId;
  const orderId = await db.$transaction(async (tx) => {
    // One settler per request: a second poll (or a late provisioner) finds it settled and stops.
    await tx.$queryRaw`select id from "CertificateRequest" where id = ${request.id} for update`;
    const item = itemId
      ? await tx.orderItem.findUniqueOrThrow({ where: { id: itemId }, select: { state: true, orderId: true } })
      : null;
    if (item && item.state !== "pending_registry") return null;
    if (progress.kind === "issued") {
      const already = await tx.issuedCertificate.findUnique({ where: { requestId: request.id }, select: { id: true } });
      if (already && !item) return null;
      await recordIssued(tx, request.id, progress.certificate);
      if (itemId) await completeItem(tx, itemId);
    } else {
      await tx.certificateRequest.update({
        where: { id: request.id },
        data: { state: "rejected", rejectionReason: progress.reason },
      });
      if (request.purpose === "issue")
        await tx.certificateSubscription.update({ where: { id: request.subscriptionId }, data: { state: "failed" } });
      if (itemId) await failItem(tx, itemId, progress.reason);
      await recordAudit(tx, systemContext(request.resellerId), {
        action: "ssl.request.rejected",
        entity: "certificateRequest",
        entityId: request.id,
        resellerId: request.resellerId,
        after: { reason: progress.reason, orderItemId: itemId },
      });
    }
    return item?.orderId ?? null;
  });
  if (itemId && progress.kind === "rejected") await refundItem(itemId, progress.reason);
  if (orderId) await notifyIfOrderFinished(orderId);
}

/** How long a request may wait for DCV: commercial CAs cancel orders never validated after about 30 days. */
export const UNVALIDATED_DAYS = 30;

/**
 * Requests still waiting for DCV after UNVALIDATED_DAYS are given up: settled as refused, so a first
 * issue's item fails and is refunded (the money held for it released), and a reissue or replacement
 * stops waiting, leaving the current certificate as it is. Requests whose item is still with the
 * engine are left to it.
 */
export async function expireUnvalidatedRequests(now = new Date()): Promise<{ expired: string[] }> {
  const stale = await db.certificateRequest.findMany({
    where: {
      state: { in: ["new", "pending_dcv"] },
      createdAt: { lt: new Date(now.getTime() - UNVALIDATED_DAYS * 86_400_000) },
    },
    select: { id: true, orderItemId: true, subscriptionId: true, resellerId: true, purpose: true },
    take: 200,
  });
  const expired: string[] = [];
  for (const request of stale) {
    if (request.orderItemId) {
      const item = await db.orderItem.findUnique({ where: { id: request.orderItemId }, select: { state: true } });
      if (item?.state !== "pending_registry") continue;
    }
    await settleRequest(request, {
      kind: "rejected",
      reason: `Domain control was not validated within ${UNVALIDATED_DAYS} days; the order was cancelled.`,
    });
    expired.push(request.id);
  }
  return { expired };
}

/** One request now (a subscriber's "check now"), settled exactly as the poll would settle it. */
export async function pollOneRequest(requestId: string): Promise<RequestProgress> {
  const request = await db.certificateRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { id: true, orderItemId: true, subscriptionId: true, resellerId: true, purpose: true },
  });
  const progress = await advanceRequest(request.id);
  await settleRequest(request, progress);
  return progress;
}

export async function pollCertificateRequests(
  opts: { minIntervalMs?: number; limit?: number } = {},
): Promise<PollSummary> {
  const summary: PollSummary = { asked: 0, issued: 0, rejected: 0, waiting: 0, errors: [] };
  const before = new Date(Date.now() - (opts.minIntervalMs ?? 0));
  const candidates = await db.certificateRequest.findMany({
    where: {
      state: { in: ["new", "pending_dcv", "processing"] },
      OR: [{ lastPolledAt: null }, { lastPolledAt: { lte: before } }],
    },
    orderBy: { lastPolledAt: { sort: "asc", nulls: "first" } },
    take: opts.limit ?? 200,
    select: { id: true, orderItemId: true, subscriptionId: true, resellerId: true, purpose: true },
  });
  // An item still with the engine (paid, provisioning, a retry waiting) is the engine's to advance.
  const itemIds = candidates.flatMap((c) => (c.orderItemId ? [c.orderItemId] : []));
  const waitingItems = new Set(
    (
      await db.orderItem.findMany({
        where: { id: { in: itemIds }, state: "pending_registry" },
        select: { id: true },
      })
    ).map((i) => i.id),
  );
  for (const request of candidates) {
    if (request.orderItemId && !waitingItems.has(request.orderItemId)) continue;
    summary.asked++;
    try {
      const progress = await advanceRequest(request.id);
      await settleRequest(request, progress);
      summary[progress.kind]++;
    } catch (e) {
      // The CA or DNS could not be reached: the next pass asks again.
      summary.errors.push(`${request.id}: ${(e as Error).message}`);
    }
  }
  const revocations = await revokeRequested();
  summary.errors.push(...revocations.failures.map((f) => `revoke ${f.id}: ${f.error}`));
  return summary;
}
