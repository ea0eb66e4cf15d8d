/**
 * The test provider's checkout page answers here: "pay" confirms the payment exactly as Stripe's
 * checkout.session.completed webhook would, "cancel" as checkout.session.expired would.
 */
import { db } from "@/server/db";
import { assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { refundFailedItems } from "@/server/orders/refund-item";
import { cancelPayment } from "./cancel-payment";
import { confirmPayment } from "./confirm-payment";
import { finishPaymentRefund } from "@/server/payments/refund-duplicate-payment";

export async function completeTestCheckout(ctx: ActorContext, input: { paymentId: string; outcome: "pay" | "cancel" }) {
  const payment = await db.payment.findUnique({ where: { id: input.paymentId } });
  if (!payment || payment.provider !== "test") throw new AppError("NOT_FOUND");
  assertTenant(ctx, payment.resellerId);
  if (input.outcome === "cancel") {
    await db.$transaction((tx) => cancelPayment(tx, payment.id));
    return { status: "canceled" as const, payment };
  }
  const done = await db.$transaction((tx) => confirmPayment(tx, payment.id, `test_pi_${payment.id}`));
  if (done.failedItemIds.length) await refundFailedItems(done.failedItemIds);
  if (done.refunding) await finishPaymentRefund(payment.id);
  return { status: "paid" as const, payment };
}
