"use client";
/**
 * One order, in the engine's words. Polls every two seconds while something is still moving (the
 * engine at work, or a payment the provider may confirm any moment), announcing changes politely.
 */
import { useEffect, useState } from "react";
import { formatMoney } from "@/lib/money";
import type { WordsTone } from "@/lib/order-item-words";
import type { OrderStatus } from "@/server/domains/checkout/get-order-status";

const TONE: Record<WordsTone, string> = {
  green: "bg-green-100 text-green-900",
  amber: "bg-amber-100 text-amber-900",
  red: "bg-red-100 text-red-900",
  blue: "bg-sky-100 text-sky-900",
  slate: "bg-slate-100 text-slate-800",
};

export function LiveOrder({ initial, locale }: { initial: OrderStatus; locale: string }) {
  const [order, setOrder] = useState(initial);
  useEffect(() => {
    if (!order.moving) return;
    const timer = setTimeout(async () => {
      const res = await fetch(`/api/storefront/orders/${order.id}`, { cache: "no-store" }).catch(() => null);
      if (res?.ok) setOrder((await res.json()) as OrderStatus);
      else setOrder((o) => ({ ...o }));
    }, 2_000);
    return () => clearTimeout(timer);
  }, [order]);
  return (
    <div className="space-y-3">
      <p
        role="status"
        aria-live="polite"
        className="text-sm"
        data-testid="order-summary"
        data-moving={order.moving ? "true" : "false"}
      >
        {order.summary.detail}
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
              {i.state !== "completed" && <p className="text-sm text-slate-700">{i.detail}</p>}
            </div>
            <div className="flex items-center gap-3">
              <span className="tabular-nums text-sm">{formatMoney(i.amount, order.currency, locale)}</span>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONE[i.tone]}`}>{i.words}</span>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
