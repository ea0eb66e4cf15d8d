/** The registrant's orders, newest first. */
import type { Metadata } from "next";
import Link from "next/link";
import { requireSession } from "@/server/auth/require-context";
import { moneyFormatOf } from "@/server/billing/money-format-of";
import { listRegistrantOrders } from "@/server/domains/checkout/get-order-status";
import { formatMoney } from "@/lib/money";
import { toUnicodeName } from "@/lib/domain-name";
import { orderSummaryWords } from "@/lib/order-item-words";
import { shortOrderNumber } from "@/lib/order-number";
import { loadStorefront } from "../_lib/storefront";

export const metadata: Metadata = { title: "Your orders" };

export default async function OrdersPage({ params }: { params: Promise<{ host: string }> }) {
  const storefront = await loadStorefront((await params).host);
  const { ctx } = await requireSession("storefront", { next: "/orders" });
  const [orders, { locale }] = await Promise.all([listRegistrantOrders(ctx), moneyFormatOf(storefront.id)]);
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Your orders</h1>
      {orders.length === 0 ? (
        <p>
          No orders yet.{" "}
          <Link href="/search" className="underline underline-offset-4">
            Find a name
          </Link>
          .
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-slate-900">
          {orders.map((o) => (
            <li key={o.id}>
              <Link
                href={`/orders/${o.id}`}
                className="flex flex-col gap-1 p-4 hover:bg-slate-50 focus-visible:outline-2 sm:flex-row sm:justify-between"
              >
                <span>
                  <span className="font-medium">
                    {o.items
                      .filter((i) => i.kind !== "privacy")
                      .map((i) => toUnicodeName(i.subject))
                      .join(", ")}
                  </span>
                  <span className="block text-sm text-slate-600">
                    {shortOrderNumber(o.id)} · {o.createdAt.toISOString().slice(0, 10)} ·{" "}
                    {orderSummaryWords(o.items.map((i) => i.state)).label}
                  </span>
                </span>
                <span className="tabular-nums">{formatMoney(o.retailTotal, o.currency, locale)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
