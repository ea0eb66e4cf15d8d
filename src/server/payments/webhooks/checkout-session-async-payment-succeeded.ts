/** checkout.session.async_payment_succeeded: a delayed method (bank debit) settled. */
import { confirmPayment } from "../confirm-payment";
import { paymentIdOf, type WebhookHandler } from "./session";

export const checkoutSessionAsyncPaymentSucceeded: WebhookHandler = async (tx, session) => {
  const paymentId = await paymentIdOf(tx, session);
  if (!paymentId) return { failedItemIds: [] };
  const result = await confirmPayment(tx, paymentId, session.payment_intent ?? null);
  return { failedItemIds: result.failedItemIds };
};
