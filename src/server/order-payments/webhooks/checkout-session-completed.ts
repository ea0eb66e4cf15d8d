/** checkout.session.completed: the payer finished checkout; paid now unless the method settles later. */
import { NOTHING_TO_DO, type WebhookHandler } from "./session";
import { settlePaidSession } from "./settle-paid-session";

export const checkoutSessionCompleted: WebhookHandler = async (tx, session) => {
  if (session.payment_status !== "paid" && session.payment_status !== "no_payment_required") return NOTHING_TO_DO;
  return settlePaidSession(tx, session);
};
