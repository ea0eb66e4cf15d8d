/**
 * A person decides a parked item from what the registry shows: "done" completes it (the hold is
 * captured and a registrant's payment becomes the reseller's), "failed" fails it (the hold returns
 * to the balance) and then refunds it. The decision and the person's note are audited in the same
 * transaction; the refund follows the commit, as in fulfilment, because it may call the payment
 * provider.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { isAppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { parseInput } from "@/server/parse-input";
import { completeItem, failItem } from "@/server/orders/complete-item";
import { refundItem } from "@/server/orders/refund-item";
import { notifyIfOrderFinished } from "@/server/orders/notify-order-finished";
import { findReadableItem, lockParkedItem, requireDecider } from "./parked-access";
import { resolveOptions, type ParkedOutcome } from "./parked-input";

/** What the customer's "order finished" mail says about the item (the note stays internal). */
export const RESOLVED_FAILED_REASON = "It could not be completed at the registry.";

export type ResolveResult = {
  itemId: string;
  /** "refund_pending": failed, and the refund did not go through yet; the stalled-items sweep retries it. */
  outcome: "done" | "refunded" | "refund_pending";
  message?: string;
};

export async function resolveParkedItem(
  ctx: ActorContext,
  itemId: string,
  raw: { outcome: ParkedOutcome; note: string },
): Promise<ResolveResult> {
  const { outcome, note } = parseInput(resolveOptions, raw);
  const item = await findReadableItem(ctx, itemId);
  requireDecider(ctx, item.resellerId);
  await db.$transaction(
    async (tx) => {
      await lockParkedItem(tx, ctx, item);
      const run = await tx.fulfilmentRun.findUnique({ where: { itemId: item.id } });
      if (outcome === "done") await completeItem(tx, item.id);
      else await failItem(tx, item.id, RESOLVED_FAILED_REASON);
      const finished = { finishedAt: new Date(), leasedUntil: null, leaseToken: null };
      await tx.fulfilmentRun.upsert({
        where: { itemId: item.id },
        update: finished,
        create: { itemId: item.id, ...finished },
      });
      await recordAudit(tx, ctx, {
        action: "order_item.parked.resolve",
        entity: "order_item",
        entityId: item.id,
        resellerId: item.resellerId,
        before: { state: "parked", attempts: run?.attempts ?? 0, parkedReason: run?.parkedReason ?? null },
        after: { state: outcome === "done" ? "completed" : "failed", outcome, note },
      });
    },
    { timeout: 30_000 },
  );

  if (outcome === "failed") {
    try {
      await refundItem(item.id, RESOLVED_FAILED_REASON);
    } catch (e) {
      // The decision stands (committed above). A refund the balance cannot cover, or one the payment
      // provider refused, stays owed: the stalled-items sweep finishes it, then mails the customer.
      if (!isAppError(e)) throw e;
      return { itemId: item.id, outcome: "refund_pending", message: e.userMessage };
    }
  }
  await notifyIfOrderFinished(item.orderId);
  return { itemId: item.id, outcome: outcome === "done" ? "done" : "refunded" };
}
