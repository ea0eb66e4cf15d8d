/** A payment of the test provider, for its checkout page; null when it is not one or not the caller's. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";

export async function getTestPayment(ctx: ActorContext, paymentId: string) {
  const payment = await db.payment.findUnique({ where: { id: paymentId } });
  if (!payment || payment.provider !== "test") return null;
  if (ctx.kind !== "registrar" && ctx.resellerId !== payment.resellerId) return null;
  if (ctx.kind === "registrant" && payment.orderId) {
    const order = await db.order.findUnique({ where: { id: payment.orderId }, select: { registrantId: true } });
    if (order?.registrantId !== ctx.actorId) return null;
  }
  return payment;
}
