/** The part of a Stripe Checkout Session our handlers read, checked with zod. */
import { z } from "zod";
import type { Tx } from "@/server/db";

export const checkoutSessionSchema = z.object({
  id: z.string().min(1),
  client_reference_id: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  payment_intent: z.string().nullish(),
  payment_status: z.string().nullish(),
});

export type CheckoutSessionData = z.infer<typeof checkoutSessionSchema>;

/** What a handler asks the caller to do once its transaction has committed. */
export type WebhookOutcome = { failedItemIds: string[] };

export type WebhookHandler = (tx: Tx, session: CheckoutSessionData) => Promise<WebhookOutcome>;

export async function paymentIdOf(tx: Tx, session: CheckoutSessionData): Promise<string | null> {
  const byRef = await tx.payment.findUnique({ where: { providerRef: session.id }, select: { id: true } });
  return byRef?.id ?? session.metadata?.paymentId ?? session.client_reference_id ?? null;
}
