/** One order, live: each item's state as fulfilment runs, with payment and receipt links. */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSession } from "@/server/auth/require-context";
import { isAppError } from "@/server/errors";
import { moneyFormatOf } from "@/server/billing/money-format-of";
import { getOrderStatus } from "@/server/domains/checkout/get-order-status";
import { loadStorefront } from "../../_lib/storefront";
import { shortOrderNumber } from "@/lib/order-number";
import { LiveOrder } from "./_components/live-order";

export const metadata: Metadata = { title: "Your order" };

export default async function OrderPage({ params }: { params: Promise<{ host: string; orderId: string }> }) {
  const { host, orderId } = await params;
  const storefront = await loadStorefront(host);
  const { ctx } = await requireSession("storefront", { next: `/orders/${orderId}` });
  const status = await getOrderStatus(ctx, orderId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { locale } = await moneyFormatOf(storefront.id);
  const unpaid = status.items.some((i) => i.state === "pending_payment");
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Order {shortOrderNumber(status.id)}</h1>
        <p className="text-sm">
          {unpaid ? (
            <Link href={`/orders/${orderId}/pay`} className="underline underline-offset-4">
              Pay for this order
            </Link>
          ) : (
            <Link href={`/orders/${orderId}/receipt`} className="underline underline-offset-4">
              Receipt
            </Link>
          )}
          {" · "}
          <Link href="/orders" className="underline underline-offset-4">
            All orders
          </Link>
          {" · "}
          <Link href="/account/domains" className="underline underline-offset-4">
            Your domains
          </Link>
        </p>
      </div>
      <LiveOrder initial={status} locale={locale} />
    </div>
  );
}
