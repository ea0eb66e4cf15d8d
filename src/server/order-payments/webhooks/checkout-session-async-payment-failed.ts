/** checkout.session.async_payment_failed: a delayed method bounced; the payment is canceled. */
import { cancelPayment } from "../cancel-payment";
import { NOTHING_TO_DO, paymentOf, type WebhookHandler } from "./session";

export const checkoutSessionAsyncPaymentFailed: WebhookHandler = async (tx, session) => {
  const payment = await paymentOf(tx, session);
  if (payment) await cancelPayment(tx, payment.id, "The payment method was declined after checkout.");
  return NOTHING_TO_DO;
};
