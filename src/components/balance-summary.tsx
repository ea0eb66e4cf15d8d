/** The balance at a glance: available, held for orders in progress, credit limit, what can be spent. */
import { formatMoney } from "@/lib/money";
import type { BalanceView } from "@/server/billing/get-balance";

export function BalanceSummary({ balance, locale }: { balance: BalanceView; locale: string }) {
  const fmt = (n: number) => formatMoney(n, balance.currency, locale);
  const items = [
    {
      label: "Available balance",
      value: fmt(balance.available),
      hint: "Prepaid funds not held for any order.",
      strong: true,
    },
    { label: "Held for orders", value: fmt(balance.held), hint: "Wholesale cost of orders being fulfilled." },
    { label: "Credit limit", value: fmt(balance.creditLimit), hint: "Set by the registrar." },
    { label: "You can spend", value: fmt(balance.spendable), hint: "Available balance plus credit limit." },
  ];
  return (
    <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {items.map((i) => (
        <div key={i.label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <dt className="text-sm font-medium text-slate-600">{i.label}</dt>
          <dd
            className={`mt-1 text-2xl font-semibold tabular-nums ${i.strong && balance.available < 0 ? "text-red-700" : "text-slate-900"}`}
          >
            {i.value}
          </dd>
          <dd className="mt-1 text-xs text-slate-600">{i.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
