"use client";
/** Polls the order's state every two seconds until every item has ended, announcing changes politely. */
import { useEffect, useState } from "react";
import { formatMoney } from "@/lib/money";
import type { OrderStatus } from "@/server/domains/checkout/get-order-status";

const TONE: Record<string, string> = {
  completed: "bg-green-100 text-green-900",
  refunding: "bg-red-100 text-red-900",
  refunded: "bg-red-100 text-red-900",
  failed: "bg-red-100 text-red-900",
  pending_registry: "bg-sky-100 text-sky-900",
};

export function LiveOrder({ initial, locale }: { initial: OrderStatus; locale: string }) {
  const [order, setOrder] = useState(initial);
  useEffect(() => {
    if (order.finished) return;
    const timer = setTimeout(async () => {
      const res = await fetch(`/api/storefront/orders/${order.id}`, { cache: "no-store" }).catch(() => null);
      if (res?.ok) setOrder((await res.json()) as OrderStatus);
      else setOrder((o) => ({ ...o }));
    }, 2_000);
    return () => clearTimeout(timer);
  }, [order]);
  return (
    <div className="space-y-3">
      <p role="status" aria-live="polite" className="text-sm" data-testid="order-summary">
        {order.finished ? "Your order has finished." : "Working on it: this page updates by itself."}
      </p>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-slate-900">
        {order.items.map((i) => (
          <li
            key={i.id}
            className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between"
            data-testid="order-item"
            data-state={i.state}
          >
            <div>
              <p className="font-medium break-all">
                {i.kind === "privacy"
                  ? `Privacy for ${i.name}`
                  : i.kind === "domain_transfer"
                    ? `Transfer of ${i.name}`
                    : i.name}
              </p>
              {i.pendingUntil && (
                <p className="text-sm text-slate-700">
                  The current registrar has until {i.pendingUntil.slice(0, 10)} to answer; the registry approves it
                  then.
                </p>
              )}
            </div>
            <div className="flex items-center gap-3">
              <span className="tabular-nums text-sm">{formatMoney(i.amount, order.currency, locale)}</span>
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONE[i.state] ?? "bg-amber-100 text-amber-900"}`}
              >
                {i.words}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
