/** Shown on every page the built-in test payment provider touches. */
import { Notice } from "@/components/notice";

export function TestPaymentsNotice() {
  return (
    <Notice tone="warning" title="Test payments are on" role="status">
      No real money moves: checkout is a local test page where you choose to pay or cancel. Set STRIPE_SECRET_KEY to
      take real payments through Stripe.
    </Notice>
  );
}
