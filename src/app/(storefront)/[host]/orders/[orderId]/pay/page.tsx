/** Pay for an order: a summary and the button to the payment provider's checkout. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { Notice } from "@/components/notice";
import { TestPaymentsNotice } from "@/components/test-payments-notice";
import { toUnicodeName } from "@/lib/domain-name";
import { formatMoney } from "@/lib/money";
import { orderItemKindWords } from "@/lib/order-item-words";
import { shortOrderNumber } from "@/lib/order-number";
import { requireSession } from "@/server/auth/require-context";
import { isAppError } from "@/server/errors";
import { getOrderOrThrow } from "@/server/orders/get-order";
import { testPaymentsOn } from "@/server/payments/get-payment-provider";
import { moneyFormatOf } from "@/server/billing/money-format-of";
import { isSelling, loadStorefront } from "../../../_lib/storefront";
import { payOrder } from "../actions";

export const metadata: Metadata = { title: "Pay for your order" };

export default async function PayPage({
  params,
  searchParams,
}: {
  params: Promise<{ host: string; orderId: string }>;
  searchParams: Promise<{ canceled?: string }>;
}) {
  const { host, orderId } = await params;
  const storefront = await loadStorefront(host);
  const session = await requireSession("storefront", { next: `/orders/${orderId}/pay` });
  const order = await getOrderOrThrow(session.ctx, orderId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const due = order.items.filter((i) => i.state === "pending_payment");
  const { locale } = await moneyFormatOf(storefront.id);
  const fmt = (n: number) => formatMoney(n, order.currency, locale);
  return (
    <div className="mx-auto max-w-xl space-y-6 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Pay for your order</h1>
      <p className="text-sm">Order {shortOrderNumber(order.id)}</p>
      {testPaymentsOn() && <TestPaymentsNotice />}
      {(await searchParams).canceled && (
        <Notice tone="info" title="Payment canceled" role="status">
          Nothing was charged. You can try again.
        </Notice>
      )}
      <section className="rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-sm">
        <ul className="divide-y divide-slate-100 text-sm">
          {order.items.map((i) => (
            <li key={i.id} className="flex justify-between py-2">
              <span>
                {orderItemKindWords(i.kind)}: {toUnicodeName(i.subject)} ({i.period} {i.period === 1 ? "year" : "years"}
                )
              </span>
              <span className="tabular-nums">{fmt(i.retailAmount)}</span>
            </li>
          ))}
        </ul>
        <p className="mt-4 flex justify-between border-t border-slate-200 pt-4 font-semibold">
          <span>Total due</span>
          <span className="tabular-nums">{fmt(due.reduce((s, i) => s + i.retailAmount, 0))}</span>
        </p>
        <div className="mt-6">
          {due.length > 0 && isSelling(storefront) ? (
            <ActionForm
              action={payOrder}
              hidden={{ orderId }}
              submitLabel="Continue to payment"
              pendingLabel="Opening checkout…"
              variant="brand"
            />
          ) : (
            <p className="text-sm text-slate-700">
              {due.length === 0 ? "This order is paid." : "This store is not taking payments right now."}
            </p>
          )}
        </div>
      </section>
    </div>
  );
}
