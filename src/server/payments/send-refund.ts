/**
 * Sends money back for one of our payments through the provider that took it. The key names the
 * refund (an item, or a whole payment), so sending it again returns nothing twice.
 */
import { AppError } from "@/server/errors";
import { paymentProvider } from "./get-payment-provider";

type Paid = { provider: string; providerRef: string | null; paymentIntent: string | null };

export async function sendRefund(payment: Paid, amount: number, idempotencyKey: string): Promise<void> {
  const provider = paymentProvider();
  if (payment.provider !== provider.name) {
    // The test provider took no money, so there is none to return.
    if (payment.provider === "test") return;
    throw new AppError(
      "PAYMENT_FAILED",
      `This payment was taken by ${payment.provider}, which is not configured; refund it there by hand.`,
    );
  }
  await provider.refund({
    providerRef: payment.providerRef,
    paymentIntent: payment.paymentIntent,
    amount,
    idempotencyKey,
  });
}
