/**
 * Stripe webhooks: verify the signature, accept only the event types we handle, and run each event
 * once. The event id is recorded in the same transaction as its effects, so a redelivery (Stripe
 * retries, or sends the same event twice) changes nothing. Money sent back because of an event (a
 * failed item, a second payment for a paid order) is posted in that transaction and sent to the
 * provider after it commits; if sending fails, a sweep finishes it (the event is not redelivered).
 */
import Stripe from "stripe";
import { z } from "zod";
import { env } from "@/env";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { refundFailedItems } from "@/server/orders/refund-item";
import { finishPaymentRefund } from "@/server/payments/refund-duplicate-payment";
import { checkoutSessionSchema, type WebhookHandler } from "./session";
import { checkoutSessionCompleted } from "./checkout-session-completed";
import { checkoutSessionAsyncPaymentSucceeded } from "./checkout-session-async-payment-succeeded";
import { checkoutSessionExpired } from "./checkout-session-expired";
import { checkoutSessionAsyncPaymentFailed } from "./checkout-session-async-payment-failed";

const HANDLERS: Record<string, WebhookHandler> = {
  "checkout.session.completed": checkoutSessionCompleted,
  "checkout.session.async_payment_succeeded": checkoutSessionAsyncPaymentSucceeded,
  "checkout.session.expired": checkoutSessionExpired,
  "checkout.session.async_payment_failed": checkoutSessionAsyncPaymentFailed,
};

export const ACCEPTED_EVENT_TYPES = Object.keys(HANDLERS);

const eventSchema = z.object({ id: z.string().min(1), type: z.string(), data: z.object({ object: z.unknown() }) });

export type WebhookResult = { received: true; handled: boolean; duplicate: boolean; type: string };

export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookResult> {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new AppError("NOT_FOUND", "Stripe webhooks are not configured.");
  if (!signature) throw new AppError("INVALID_INPUT", "Missing Stripe-Signature header.");
  let parsed: z.infer<typeof eventSchema>;
  try {
    parsed = eventSchema.parse(Stripe.webhooks.constructEvent(rawBody, signature, secret));
  } catch (e) {
    throw new AppError("INVALID_INPUT", "The webhook signature or payload is not valid.", { cause: e });
  }
  const handler = HANDLERS[parsed.type];
  if (!handler) return { received: true, handled: false, duplicate: false, type: parsed.type };
  const session = checkoutSessionSchema.parse(parsed.data.object);
  const outcome = await db.$transaction(async (tx) => {
    const first = await tx.$executeRaw`
      insert into "PaymentEvent" (id, provider, type) values (${parsed.id}, 'stripe', ${parsed.type}) on conflict (id) do nothing`;
    if (first === 0) return null;
    return handler(tx, session);
  });
  if (outcome?.failedItemIds.length) await refundFailedItems(outcome.failedItemIds);
  for (const id of outcome?.refundPaymentIds ?? []) await finishPaymentRefund(id);
  return { received: true, handled: outcome !== null, duplicate: outcome === null, type: parsed.type };
}
