/**
 * The default provider: no money moves; its checkout is our own page with "Pay" and "Cancel". Its
 * health check answers as configured: TEST_PAYMENTS_FAULT=unavailable makes it fail, so the status
 * page's payments check can be seen failing without Stripe (tests set it with setTestPaymentsFault).
 */
import { env } from "@/env";
import { AppError } from "@/server/errors";
import type { PaymentProvider } from "./port";

export type TestPaymentsFault = "unavailable";

let fault: TestPaymentsFault | null | undefined;

/** Overrides the configured fault in this process; undefined goes back to the configuration. */
export function setTestPaymentsFault(next: TestPaymentsFault | null | undefined): void {
  fault = next;
}

function currentFault(): TestPaymentsFault | null {
  return fault === undefined ? (env().TEST_PAYMENTS_FAULT ?? null) : fault;
}

export const testProvider: PaymentProvider = {
  name: "test",
  testMode: true,
  async createCheckout(input) {
    return { providerRef: `test_cs_${input.paymentId}`, url: input.testCheckoutUrl };
  },
  async refund() {
    // Nothing left the payer's account, so there is nothing to send back.
  },
  async checkReachable() {
    if (currentFault() === "unavailable")
      throw new AppError("PAYMENT_FAILED", "The test payment provider is configured to be unavailable.");
  },
};
