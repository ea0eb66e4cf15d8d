/**
 * A checkout was abandoned or expired, or its method bounced: the payment is canceled and an order's
 * unpaid items fail. `note` says why when the payment was refused (a bounce) rather than abandoned:
 * the status page counts only those as failed payments (decision 128).
 */
import type { Tx } from "@/server/db";
import { transitionItem } from "@/server/orders/transition-item";
import { releaseFailedItem } from "@/server/fulfilment/release-on-failure";

export async function cancelPayment(tx: Tx, paymentId: string, note?: string): Promise<{ changed: boolean }> {
  const payment = await tx.payment.findUnique({ where: { id: paymentId }, select: { orderId: true } });
  if (!payment) return { changed: false };
  // Order first, then payment, as confirmPayment does: a cancel and a confirm take turns, never deadlock.
  if (payment.orderId) await tx.$queryRaw`select id from "Order" where id = ${payment.orderId} for update`;
  const claimed = await tx.payment.updateMany({
    where: { id: paymentId, status: "pending" },
    data: { status: "canceled", completedAt: new Date(), ...(note ? { note } : {}) },
  });
  if (claimed.count === 0 || !payment.orderId) return { changed: claimed.count > 0 };
  // Another open checkout for the order (one opened before checkouts were shared) may still be paid.
  if ((await tx.payment.count({ where: { orderId: payment.orderId, status: "pending" } })) > 0)
    return { changed: true };
  const items = await tx.orderItem.findMany({
    where: { orderId: payment.orderId, state: "pending_payment" },
    select: { id: true, kind: true, details: true },
  });
  for (const i of items) {
    await transitionItem(tx, i.id, "failed", "Payment was canceled.");
    await releaseFailedItem(tx, i, "Payment was canceled.");
  }
  return { changed: true };
}
