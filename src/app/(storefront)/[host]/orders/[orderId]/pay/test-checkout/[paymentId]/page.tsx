/** The built-in test provider's checkout for a registrant's order: pay or cancel, no real money. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { TestPaymentsNotice } from "@/components/test-payments-notice";
import { formatMoney } from "@/lib/money";
import { requireSession } from "@/server/auth/require-context";
import { getTestPayment } from "@/server/payments/get-test-payment";
import { moneyFormatOf } from "@/server/billing/money-format-of";
import { loadStorefront } from "../../../../../_lib/storefront";
import { finishTestOrderCheckout } from "../../../actions";

export const metadata: Metadata = { title: "Test checkout" };

const ENDED: Record<string, string> = {
  succeeded: "This payment went through.",
  canceled: "This payment was canceled.",
  refunding: "This payment is being refunded.",
  refunded: "This payment was refunded.",
  mismatched: "This payment is being checked by the store.",
};

export default async function TestOrderCheckoutPage({
  params,
}: {
  params: Promise<{ host: string; orderId: string; paymentId: string }>;
}) {
  const { host, orderId, paymentId } = await params;
  const storefront = await loadStorefront(host);
  const session = await requireSession("storefront", { next: `/orders/${orderId}/pay` });
  const payment = await getTestPayment(session.ctx, paymentId);
  if (!payment || payment.orderId !== orderId) notFound();
  const { locale } = await moneyFormatOf(storefront.id);
  return (
    <div className="mx-auto max-w-xl space-y-6 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Test checkout</h1>
      <TestPaymentsNotice />
      <section className="rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-sm">
        <p className="text-sm text-slate-600">Paying {storefront.displayName}</p>
        <p className="mt-1 text-3xl font-bold tabular-nums">{formatMoney(payment.amount, payment.currency, locale)}</p>
        {payment.status === "pending" ? (
          <div className="mt-6 flex flex-wrap gap-3">
            <ActionForm
              action={finishTestOrderCheckout}
              hidden={{ paymentId, orderId, outcome: "pay" }}
              submitLabel="Pay (test)"
              pendingLabel="Paying…"
              variant="brand"
            />
            <ActionForm
              action={finishTestOrderCheckout}
              hidden={{ paymentId, orderId, outcome: "cancel" }}
              submitLabel="Cancel"
              variant="secondary"
            />
          </div>
        ) : (
          <p className="mt-6 text-sm">{ENDED[payment.status] ?? "This payment has ended."}</p>
        )}
      </section>
    </div>
  );
}
