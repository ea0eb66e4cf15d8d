/**
 * Stripe Checkout adapter. STRIPE_API_BASE points the client at another host (a local fake in
 * tests). Responses are checked with zod before use.
 */
import "server-only";
import Stripe from "stripe";
import { z } from "zod";
import { env } from "@/env";
import { AppError } from "@/server/errors";
import type { PaymentProvider } from "./port";

const sessionSchema = z.object({ id: z.string().min(1), url: z.string().url() });
const refundListSchema = z.object({
  data: z.array(z.object({ metadata: z.record(z.string(), z.string()).nullish() })),
});
const balanceSchema = z.object({ object: z.literal("balance") });
const REFUND_KEY = "refund_key";

export function stripeClient(): Stripe {
  const { STRIPE_SECRET_KEY, STRIPE_API_BASE } = env();
  if (!STRIPE_SECRET_KEY) throw new AppError("INTERNAL", undefined, { cause: "STRIPE_SECRET_KEY is not set" });
  if (!STRIPE_API_BASE) return new Stripe(STRIPE_SECRET_KEY, { maxNetworkRetries: 2 });
  const base = new URL(STRIPE_API_BASE);
  return new Stripe(STRIPE_SECRET_KEY, {
    host: base.hostname,
    port: base.port || (base.protocol === "https:" ? 443 : 80),
    protocol: base.protocol === "https:" ? "https" : "http",
    maxNetworkRetries: 0,
  });
}

export function createStripeProvider(): PaymentProvider {
  const stripe = stripeClient();
  return {
    name: "stripe",
    testMode: env().STRIPE_SECRET_KEY?.startsWith("sk_test_") ?? false,
    async createCheckout(input) {
      try {
        const session = await stripe.checkout.sessions.create(
          {
            mode: "payment",
            client_reference_id: input.paymentId,
            metadata: { paymentId: input.paymentId },
            customer_email: input.customerEmail ?? undefined,
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: input.currency.toLowerCase(),
                  unit_amount: input.amount,
                  product_data: { name: input.description },
                },
              },
            ],
            success_url: input.successUrl,
            cancel_url: input.cancelUrl,
          },
          { idempotencyKey: `checkout:${input.paymentId}` },
        );
        const parsed = sessionSchema.parse(session);
        return { providerRef: parsed.id, url: parsed.url };
      } catch (e) {
        throw new AppError("PAYMENT_FAILED", "We could not start the payment. Please try again.", { cause: e });
      }
    },
    async refund(input) {
      if (!input.paymentIntent) throw new AppError("PAYMENT_FAILED", "This payment cannot be refunded automatically.");
      try {
        // Stripe forgets an idempotency key after a day; the key kept in the refund's metadata does
        // not, so a retry days later (a lost reply, a long outage) still finds the refund it sent.
        const sent = refundListSchema.parse(
          await stripe.refunds.list({ payment_intent: input.paymentIntent, limit: 100 }),
        );
        if (sent.data.some((r) => r.metadata?.[REFUND_KEY] === input.idempotencyKey)) return;
        await stripe.refunds.create(
          {
            payment_intent: input.paymentIntent,
            amount: input.amount,
            metadata: { [REFUND_KEY]: input.idempotencyKey },
          },
          { idempotencyKey: input.idempotencyKey },
        );
      } catch (e) {
        throw new AppError("PAYMENT_FAILED", "The refund could not be sent to the payment provider.", { cause: e });
      }
    },
    async checkReachable() {
      // The balance is the cheapest authenticated read: it proves the key works and Stripe answers.
      try {
        balanceSchema.parse(await stripe.balance.retrieve());
      } catch (e) {
        throw new AppError("PAYMENT_FAILED", "The payment provider did not answer.", { cause: e });
      }
    },
  };
}
