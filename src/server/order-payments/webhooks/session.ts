/** The part of a Stripe Checkout Session our handlers read, checked with zod. */
import { z } from "zod";
import type { Tx } from "@/server/db";

export const checkoutSessionSchema = z.object({
  id: z.string().min(1),
  amount_total: z.number().int().nullish(),
  currency: z.string().nullish(),
  payment_intent: z.string().nullish(),
  payment_status: z.string().nullish(),
});

export type CheckoutSessionData = z.infer<typeof checkoutSessionSchema>;

/** What a handler asks the caller to do once its transaction has committed. */
export type WebhookOutcome = { failedItemIds: string[]; refundPaymentIds: string[] };

export const NOTHING_TO_DO: WebhookOutcome = { failedItemIds: [], refundPaymentIds: [] };

export type WebhookHandler = (tx: Tx, session: CheckoutSessionData) => Promise<WebhookOutcome>;

/**
 * The payment attempt a session belongs to, by the session id we stored when we created it. Never
 * by metadata or client_reference_id: those say which payment a session claims to be for, not
 * which session we opened for it.
 */
export async function paymentOf(tx: Tx, session: CheckoutSessionData) {
  return tx.payment.findFirst({ where: { providerRef: session.id, provider: "stripe" } });
}
