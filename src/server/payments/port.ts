/**
 * The payments port: a hosted checkout for one amount, and refunds. Two adapters, chosen by env:
 * Stripe Checkout when STRIPE_SECRET_KEY is set, otherwise the built-in test provider whose checkout
 * is a local page that completes or cancels (docs/decisions/044-payments.md).
 */
export type CheckoutInput = {
  paymentId: string;
  amount: number;
  currency: string;
  description: string;
  customerEmail?: string | null;
  /** Absolute URLs the payer returns to. */
  successUrl: string;
  cancelUrl: string;
  /** Absolute URL of the local test checkout page (used by the test provider only). */
  testCheckoutUrl: string;
};

export type CheckoutSession = { providerRef: string; url: string };

export type RefundInput = {
  providerRef: string | null;
  paymentIntent: string | null;
  amount: number;
  idempotencyKey: string;
};

export interface PaymentProvider {
  readonly name: "stripe" | "test";
  /** True when no real money moves; every page that shows payments says so. */
  readonly testMode: boolean;
  createCheckout(input: CheckoutInput): Promise<CheckoutSession>;
  refund(input: RefundInput): Promise<void>;
  /**
   * A cheap read that changes nothing, for the status page's health check: resolves when the provider
   * answers our credentials, throws when it does not.
   */
  checkReachable(): Promise<void>;
}
