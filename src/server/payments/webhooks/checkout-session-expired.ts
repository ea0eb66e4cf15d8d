/** checkout.session.expired: the payer never finished; the payment is canceled. */
import { cancelPayment } from "../cancel-payment";
import { paymentIdOf, type WebhookHandler } from "./session";

export const checkoutSessionExpired: WebhookHandler = async (tx, session) => {
  const paymentId = await paymentIdOf(tx, session);
  if (paymentId) await cancelPayment(tx, paymentId);
  return { failedItemIds: [] };
};
