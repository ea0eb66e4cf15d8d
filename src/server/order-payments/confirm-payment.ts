/**
 * A payment succeeded (Stripe webhook, or the test checkout's "Pay"). Idempotent: the first call
 * records it, later calls change nothing.
 * - Top-up: the money lands in the reseller's available balance.
 * - Order: the registrant's money lands in the reseller's "registrant funds" account (released to
 *   available when each item is fulfilled), items become paid and their wholesale cost is held on the
 *   reseller's balance. An item whose hold is refused fails and is refunded to the registrant.
 * - Order already paid by another payment (two checkouts both completed): this one is sent back
 *   whole (`refunding`; the caller finishes it with finishPaymentRefund once this commits).
 */
import type { Tx } from "@/server/db";
import { isAppError } from "@/server/errors";
import { resellerAccount } from "@/server/billing/accounts";
import { postEntry } from "@/server/billing/post-entry";
import { placeHold } from "@/server/billing/place-hold";
import { transitionItem } from "@/server/orders/transition-item";
import { enqueueFulfilment } from "@/server/fulfilment/enqueue-fulfilment";
import { releaseFailedItem } from "@/server/fulfilment/release-on-failure";
import { beginDuplicateRefund } from "@/server/payments/refund-duplicate-payment";

export type Confirmed = { paymentId: string; changed: boolean; failedItemIds: string[]; refunding: boolean };

export async function confirmPayment(
  tx: Tx,
  paymentId: string,
  paymentIntent: string | null = null,
): Promise<Confirmed> {
  const unchanged: Confirmed = { paymentId, changed: false, failedItemIds: [], refunding: false };
  const pending = await tx.payment.findUnique({ where: { id: paymentId }, select: { status: true, orderId: true } });
  if (pending?.status !== "pending") return unchanged;
  if (pending.orderId) {
    // Payments of one order confirm one at a time, so exactly one of two paid checkouts gets the items.
    await tx.$queryRaw`select id from "Order" where id = ${pending.orderId} for update`;
    const open = await tx.orderItem.count({ where: { orderId: pending.orderId, state: "pending_payment" } });
    if (open === 0) {
      const begun = await beginDuplicateRefund(tx, paymentId, paymentIntent);
      return { ...unchanged, changed: begun, refunding: begun };
    }
  }
  const claimed = await tx.payment.updateMany({
    where: { id: paymentId, status: "pending" },
    data: { status: "succeeded", completedAt: new Date(), paymentIntent },
  });
  if (claimed.count === 0) return unchanged;
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
  const { resellerId, currency, amount } = payment;
  const into = payment.purpose === "topup" ? "reseller_available" : "registrant_funds";
  await postEntry(tx, {
    key: `payment:${paymentId}`,
    kind: payment.purpose === "topup" ? "top_up" : "registrant_payment",
    memo: payment.purpose === "topup" ? "Top-up" : "Registrant payment",
    resellerId,
    orderId: payment.orderId,
    actorId: payment.createdById,
    lines: [
      { account: resellerAccount("payments_received", resellerId, currency), amount: -amount },
      { account: resellerAccount(into, resellerId, currency), amount },
    ],
  });
  const failedItemIds: string[] = [];
  if (payment.orderId) {
    const items = await tx.orderItem.findMany({ where: { orderId: payment.orderId, state: "pending_payment" } });
    for (const item of items) {
      await transitionItem(tx, item.id, "paid", "payment received");
      try {
        await placeHold(tx, {
          resellerId,
          orderItemId: item.id,
          orderId: item.orderId,
          amount: item.wholesaleAmount,
          currency,
        });
      } catch (e) {
        // The refusal is decided before anything is written, so the transaction stays usable.
        if (!isAppError(e) || e.code !== "INSUFFICIENT_BALANCE") throw e;
        const reason = "The reseller's balance could not cover this item.";
        await transitionItem(tx, item.id, "failed", reason);
        await releaseFailedItem(tx, item, reason);
        failedItemIds.push(item.id);
      }
    }
    // Fulfilment starts with the payment: enqueued in this transaction (outbox), so never one without the other.
    await enqueueFulfilment(
      tx,
      items.filter((i) => !failedItemIds.includes(i.id)),
    );
  }
  return { paymentId, changed: true, failedItemIds, refunding: false };
}
