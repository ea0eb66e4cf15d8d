/** Billing: balance, holds, top-up, low-balance warning, and the way to the statement. */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/card";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/form-field";
import { shortOrderNumber } from "@/lib/order-number";
import { orderItemKindWords } from "@/lib/order-item-words";
import { formatMoney, toDecimalString } from "@/lib/money";
import { getBalance } from "@/server/billing/get-balance";
import { listOpenHolds } from "@/server/billing/list-open-holds";
import { testPaymentsOn } from "@/server/payments/get-payment-provider";
import { loadConsole } from "../_lib/console-session";
import { saveThreshold, topUp } from "./actions";
import { BalanceSummary } from "@/components/balance-summary";
import { TestPaymentsNotice } from "@/components/test-payments-notice";

export const metadata: Metadata = { title: "Billing" };

const MONEY_ROLES = ["owner", "admin", "billing"];

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ topup?: string }> }) {
  const { ctx, reseller } = await loadConsole();
  const { topup } = await searchParams;
  if (!MONEY_ROLES.includes(ctx.role)) {
    return (
      <>
        <PageHeader title="Billing" />
        <Notice tone="info" title="Billing is for owners, admins and billing staff">
          Ask an owner of {reseller.displayName} if you need the balance or statements.
        </Notice>
      </>
    );
  }
  const [balance, holds] = await Promise.all([getBalance(ctx, reseller.id), listOpenHolds(ctx, reseller.id)]);
  const fmt = (n: number) => formatMoney(n, balance.currency, reseller.locale);
  const writable = reseller.status === "active";
  return (
    <>
      <PageHeader
        title="Billing"
        description={`Your prepaid balance with the registrar, in ${balance.currency}. Orders hold their wholesale cost until the registry confirms them.`}
        actions={
          <Link
            href="/console/billing/statement"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-700"
          >
            Statement and CSV export
          </Link>
        }
      />
      <div className="space-y-6">
        {testPaymentsOn() && <TestPaymentsNotice />}
        {topup === "success" && (
          <Notice tone="success" title="Top-up received" role="status">
            Your balance below includes it once the payment provider confirms it, usually within seconds.
          </Notice>
        )}
        {topup === "canceled" && (
          <Notice tone="info" title="Top-up canceled" role="status">
            No money was taken.
          </Notice>
        )}
        {balance.lowBalanceWarned && (
          <Notice tone="warning" title="Your balance is below your warning threshold" role="status">
            Orders are refused once they would take you past your available balance plus credit limit (
            {fmt(balance.spendable)} left).
          </Notice>
        )}
        <BalanceSummary balance={balance} locale={reseller.locale} />
        <div className="grid gap-6 lg:grid-cols-2">
          <Card
            title="Top up"
            description="Add funds to your prepaid balance. You pay through the payment provider's checkout."
          >
            {writable ? (
              <ActionForm
                action={topUp}
                submitLabel="Continue to payment"
                pendingLabel="Opening checkout…"
                layout="inline"
              >
                <TextField
                  name="amount"
                  label={`Amount (${balance.currency})`}
                  inputMode="decimal"
                  placeholder="250.00"
                  required
                  hint="At least 10.00."
                  className="w-48"
                />
              </ActionForm>
            ) : (
              <p className="text-sm text-slate-600">Top-ups are paused while the account is {reseller.status}.</p>
            )}
          </Card>
          <Card
            title="Low-balance warning"
            description="We mail your owners, admins and billing staff once when your available balance drops below this amount."
          >
            <ActionForm
              action={saveThreshold}
              submitLabel="Save threshold"
              success="Saved. The next drop below it sends one mail."
              layout="inline"
            >
              <TextField
                name="threshold"
                label={`Threshold (${balance.currency})`}
                inputMode="decimal"
                defaultValue={toDecimalString(balance.lowBalanceThreshold, balance.currency)}
                required
                className="w-48"
              />
            </ActionForm>
          </Card>
        </div>
        <section aria-labelledby="holds-heading" className="space-y-3">
          <h2 id="holds-heading" className="text-base font-semibold text-slate-900">
            Held for orders in progress
          </h2>
          <DataTable
            caption="Open holds on your balance"
            headers={["Placed", "Item", "Order", "Amount"]}
            empty={
              holds.length === 0 ? (
                <EmptyState title="Nothing held">
                  Orders hold their wholesale cost here until the registry confirms them.
                </EmptyState>
              ) : undefined
            }
          >
            {holds.map((h) => (
              <tr key={h.id}>
                <Td>
                  <DateTime value={h.createdAt} />
                </Td>
                <Td>
                  {h.subject} <span className="text-slate-600">({orderItemKindWords(h.kind)})</span>
                </Td>
                <Td className="whitespace-nowrap">{shortOrderNumber(h.orderId)}</Td>
                <Td className="tabular-nums">{fmt(h.amount)}</Td>
              </tr>
            ))}
          </DataTable>
        </section>
      </div>
    </>
  );
}
