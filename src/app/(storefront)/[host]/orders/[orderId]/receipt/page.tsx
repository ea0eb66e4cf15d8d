/** A printable receipt for one order: seller, buyer, items at retail price, payment and refunds. */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DateTime } from "@/components/date-time";
import { formatMoney } from "@/lib/money";
import { orderItemKindWords, orderItemStateLabel } from "@/lib/order-item-words";
import { shortOrderNumber } from "@/lib/order-number";
import { requireSession } from "@/server/auth/require-context";
import { isAppError } from "@/server/errors";
import { getReceipt } from "@/server/orders/get-receipt";
import { loadStorefront } from "../../../_lib/storefront";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Receipt" };

export default async function ReceiptPage({ params }: { params: Promise<{ host: string; orderId: string }> }) {
  const { host, orderId } = await params;
  const storefront = await loadStorefront(host);
  const session = await requireSession("storefront", { next: `/orders/${orderId}/receipt` });
  const receipt = await getReceipt(session.ctx, orderId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const fmt = (n: number) => formatMoney(n, receipt.order.currency, receipt.reseller.locale);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 print:max-w-none print:p-0">
      <article className="rounded-lg border border-slate-200 bg-white p-8 text-slate-900 shadow-sm print:border-0 print:shadow-none">
        <header className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 pb-6">
          <div>
            <h1 className="text-2xl font-bold">Receipt</h1>
            <p className="mt-1 text-sm text-slate-700">
              Order <span className="font-mono">{shortOrderNumber(receipt.order.id)}</span>
            </p>
            <p className="text-sm text-slate-700">
              Placed <DateTime value={receipt.order.createdAt} />
            </p>
          </div>
          <div className="text-right text-sm">
            <p className="font-semibold">{receipt.reseller.legalName}</p>
            <p>{storefront.displayName}</p>
            {receipt.reseller.branding?.supportEmail && <p>{receipt.reseller.branding.supportEmail}</p>}
          </div>
        </header>
        {receipt.registrant && (
          <p className="mt-6 text-sm">
            Billed to <span className="font-medium">{receipt.registrant.name}</span> ({receipt.registrant.email})
          </p>
        )}
        <table className="mt-6 w-full text-left text-sm">
          <caption className="sr-only">Items on this order</caption>
          <thead className="border-b border-slate-200">
            <tr>
              <th scope="col" className="py-2 font-semibold">
                Item
              </th>
              <th scope="col" className="py-2 font-semibold">
                Period
              </th>
              <th scope="col" className="py-2 font-semibold">
                Status
              </th>
              <th scope="col" className="py-2 text-right font-semibold">
                Amount
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {receipt.lines.map((l) => (
              <tr key={l.id}>
                <td className="py-2">
                  {l.domainId ? (
                    <>
                      {orderItemKindWords(l.kind)}:{" "}
                      <Link href={`/account/domains/${l.domainId}`} className="underline underline-offset-4">
                        {l.subject}
                      </Link>
                    </>
                  ) : (
                    l.description
                  )}
                </td>
                <td className="py-2">
                  {l.period} {l.period === 1 ? "year" : "years"}
                </td>
                <td className="py-2">{orderItemStateLabel(l.state)}</td>
                <td className="py-2 text-right tabular-nums">{fmt(l.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-300">
            <tr>
              <th scope="row" colSpan={3} className="py-2 text-right font-semibold">
                Total
              </th>
              <td className="py-2 text-right font-semibold tabular-nums">{fmt(receipt.order.total)}</td>
            </tr>
            {receipt.refunded > 0 && (
              <tr>
                <th scope="row" colSpan={3} className="py-2 text-right">
                  Refunded
                </th>
                <td className="py-2 text-right tabular-nums">−{fmt(receipt.refunded)}</td>
              </tr>
            )}
          </tfoot>
        </table>
        <p className="mt-6 text-sm">
          {receipt.payment ? (
            <>
              Paid {fmt(receipt.payment.amount)} by card
              {receipt.payment.provider === "test" && " (test payment: no money moved)"}
              {receipt.payment.completedAt && (
                <>
                  {" "}
                  on <DateTime value={receipt.payment.completedAt} />
                </>
              )}
              .
            </>
          ) : (
            "Not paid yet."
          )}
        </p>
        {receipt.registrar && (
          <p className="mt-6 border-t border-slate-200 pt-4 text-xs text-slate-700">
            {receipt.registrar.resellerDisclosure}
          </p>
        )}
      </article>
      <div className="mt-6 flex flex-wrap items-center gap-4 print:hidden">
        <PrintButton />
        <Link href={`/orders/${orderId}`} className="text-sm underline underline-offset-4">
          Follow this order
        </Link>
        <Link href="/account/domains" className="text-sm underline underline-offset-4">
          Your domains
        </Link>
      </div>
    </div>
  );
}
