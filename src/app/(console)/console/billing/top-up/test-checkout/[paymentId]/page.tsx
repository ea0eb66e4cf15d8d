/** The built-in test provider's checkout for a top-up: pay or cancel, no real money. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { Card, DetailList } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { formatMoney } from "@/lib/money";
import { getTestPayment } from "@/server/payments/get-test-payment";
import { loadConsole } from "../../../../_lib/console-session";
import { finishTestTopUp } from "../../../actions";
import { TestPaymentsNotice } from "@/components/test-payments-notice";

export const metadata: Metadata = { title: "Test checkout" };

export default async function TestTopUpCheckoutPage({ params }: { params: Promise<{ paymentId: string }> }) {
  const { ctx, reseller } = await loadConsole();
  const { paymentId } = await params;
  const payment = await getTestPayment(ctx, paymentId);
  if (!payment || payment.purpose !== "topup") notFound();
  return (
    <>
      <PageHeader title="Test checkout" description="This page stands in for the payment provider's checkout." />
      <div className="max-w-xl space-y-6">
        <TestPaymentsNotice />
        <Card title="Top-up">
          <DetailList
            items={[
              { label: "For", value: reseller.displayName },
              {
                label: "Amount",
                value: (
                  <span className="font-semibold tabular-nums">
                    {formatMoney(payment.amount, payment.currency, reseller.locale)}
                  </span>
                ),
              },
              { label: "Status", value: payment.status },
            ]}
          />
          {payment.status === "pending" ? (
            <div className="mt-6 flex flex-wrap gap-3">
              <ActionForm
                action={finishTestTopUp}
                hidden={{ paymentId: payment.id, outcome: "pay" }}
                submitLabel="Pay (test)"
                pendingLabel="Paying…"
              />
              <ActionForm
                action={finishTestTopUp}
                hidden={{ paymentId: payment.id, outcome: "cancel" }}
                submitLabel="Cancel"
                variant="secondary"
              />
            </div>
          ) : (
            <p className="mt-6 text-sm text-slate-700">This payment is already {payment.status}.</p>
          )}
        </Card>
      </div>
    </>
  );
}
