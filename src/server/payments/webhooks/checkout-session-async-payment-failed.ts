/** checkout.session.async_payment_failed: a delayed method bounced; the payment is canceled. */
import { cancelPayment } from "../cancel-payment";
import { paymentIdOf, type WebhookHandler } from "./session";

export const checkoutSessionAsyncPaymentFailed: WebhookHandler = async (tx, session) => {
  const paymentId = await paymentIdOf(tx, session);
  if (paymentId) await cancelPayment(tx, paymentId);
  return { failedItemIds: [] };
};
