/** checkout.session.expired: the payer never finished; the payment is canceled. */
import { cancelPayment } from "../cancel-payment";
import { NOTHING_TO_DO, paymentOf, type WebhookHandler } from "./session";

export const checkoutSessionExpired: WebhookHandler = async (tx, session) => {
  const payment = await paymentOf(tx, session);
  if (payment) await cancelPayment(tx, payment.id);
  return NOTHING_TO_DO;
};
