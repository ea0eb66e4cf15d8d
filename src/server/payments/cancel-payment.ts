/** A checkout was abandoned or expired: the payment is canceled and an order's unpaid items fail. */
import type { Tx } from "@/server/db";
import { transitionItem } from "@/server/orders/transition-item";

export async function cancelPayment(tx: Tx, paymentId: string): Promise<{ changed: boolean }> {
  const claimed = await tx.payment.updateMany({ where: { id: paymentId, status: "pending" }, data: { status: "canceled", completedAt: new Date() } });
  if (claimed.count === 0) return { changed: false };
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { orderId: true } });
  if (payment.orderId) {
    const items = await tx.orderItem.findMany({ where: { orderId: payment.orderId, state: "pending_payment" }, select: { id: true } });
    for (const i of items) await transitionItem(tx, i.id, "failed", "Payment was canceled.");
  }
  return { changed: true };
}
