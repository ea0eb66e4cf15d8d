/** checkout.session.completed: the payer finished checkout; paid now unless the method settles later. */
import { confirmPayment } from "../confirm-payment";
import { paymentIdOf, type WebhookHandler } from "./session";

export const checkoutSessionCompleted: WebhookHandler = async (tx, session) => {
  if (session.payment_status !== "paid" && session.payment_status !== "no_payment_required") return { failedItemIds: [] };
  const paymentId = await paymentIdOf(tx, session);
  if (!paymentId) return { failedItemIds: [] };
  const result = await confirmPayment(tx, paymentId, session.payment_intent ?? null);
  return { failedItemIds: result.failedItemIds };
};
