/** checkout.session.async_payment_succeeded: a delayed method (bank debit) settled. */
import type { WebhookHandler } from "./session";
import { settlePaidSession } from "./settle-paid-session";

export const checkoutSessionAsyncPaymentSucceeded: WebhookHandler = (tx, session) => settlePaidSession(tx, session);
