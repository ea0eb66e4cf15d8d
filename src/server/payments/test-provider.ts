/** The default provider: no money moves; its checkout is our own page with "Pay" and "Cancel". */
import type { PaymentProvider } from "./port";

export const testProvider: PaymentProvider = {
  name: "test",
  testMode: true,
  async createCheckout(input) {
    return { providerRef: `test_cs_${input.paymentId}`, url: input.testCheckoutUrl };
  },
  async refund() {
    // Nothing left the payer's account, so there is nothing to send back.
  },
};
