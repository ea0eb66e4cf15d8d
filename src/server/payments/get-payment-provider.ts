/** The adapter in use: Stripe when a secret key is configured, otherwise the test provider. */
import { env } from "@/env";
import type { PaymentProvider } from "./port";
import { createStripeProvider } from "./stripe-provider";
import { testProvider } from "./test-provider";

let cached: PaymentProvider | undefined;

export function paymentProvider(): PaymentProvider {
  cached ??= env().STRIPE_SECRET_KEY ? createStripeProvider() : testProvider;
  return cached;
}

/** For pages: whether to show the "test payments are on" notice. */
export function testPaymentsOn(): boolean {
  return paymentProvider().testMode;
}
