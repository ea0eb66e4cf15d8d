/** One reseller's money: balance, manual credit or debit with a reason, credit limit, recent movements. */
import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/card";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { SelectField, TextAreaField, TextField } from "@/components/form-field";
import { formatMoney, toDecimalString } from "@/lib/money";
import { requireContext } from "@/server/auth/require-context";
import { getBalance } from "@/server/billing/get-balance";
import { ENTRY_KINDS, listStatement } from "@/server/billing/list-statement";
import { getResellerOrThrow } from "@/server/tenancy/get-reseller-or-throw";
import { BalanceSummary } from "@/components/balance-summary";
import { adjust, saveCreditLimit } from "../actions";

export const metadata: Metadata = { title: "Reseller balance" };

export default async function ResellerMoneyPage({ params }: { params: Promise<{ resellerId: string }> }) {
  const { resellerId } = await params;
  const ctx = await requireContext("registrar", { next: `/registrar/billing/${resellerId}` });
  const reseller = await getResellerOrThrow(ctx, resellerId);
  const [balance, statement] = await Promise.all([
    getBalance(ctx, resellerId),
    listStatement(ctx, resellerId, {}, { take: 25 }),
  ]);
  const fmt = (n: number) => formatMoney(n, balance.currency, reseller.locale);
  const isAdmin = ctx.role === "registrar_admin";
  return (
    <>
      <PageHeader
        title={reseller.displayName}
        description={`Balance in ${balance.currency} · wholesale tier ${balance.tierName ?? "not set"}`}
      />
      <div className="space-y-6">
        <BalanceSummary balance={balance} locale={reseller.locale} />
        {isAdmin ? (
          <div className="grid gap-6 lg:grid-cols-2">
            <Card
              title="Credit or debit the balance"
              description="Recorded as a ledger entry and in the audit log with your name and reason. A debit cannot take the balance past the credit limit."
            >
              <ActionForm
                action={adjust}
                hidden={{ resellerId, idempotencyKey: randomUUID() }}
                submitLabel="Record adjustment"
                success="Recorded."
              >
                <div className="grid gap-4 sm:grid-cols-2">
                  <SelectField
                    name="direction"
                    label="Direction"
                    options={[
                      { value: "credit", label: "Credit (add funds)" },
                      { value: "debit", label: "Debit (take funds)" },
                    ]}
                  />
                  <TextField
                    name="amount"
                    label={`Amount (${balance.currency})`}
                    inputMode="decimal"
                    required
                    placeholder="100.00"
                  />
                </div>
                <TextAreaField
                  name="reason"
                  label="Reason"
                  required
                  rows={2}
                  hint="Shown on the reseller's statement."
                />
              </ActionForm>
            </Card>
            <Card
              title="Credit limit"
              description="How far below zero the available balance may go. Lowering it never moves money."
            >
              <ActionForm
                action={saveCreditLimit}
                hidden={{ resellerId }}
                submitLabel="Save credit limit"
                success="Saved."
                layout="inline"
              >
                <TextField
                  name="creditLimit"
                  label={`Credit limit (${balance.currency})`}
                  inputMode="decimal"
                  defaultValue={toDecimalString(balance.creditLimit, balance.currency)}
                  required
                  className="w-48"
                />
              </ActionForm>
            </Card>
          </div>
        ) : (
          <p className="text-sm text-slate-600">Auditors see balances; registrar admins adjust them.</p>
        )}
        <section aria-labelledby="recent" className="space-y-3">
          <h2 id="recent" className="text-base font-semibold text-slate-900">
            Recent movements
          </h2>
          <DataTable
            caption="Recent balance movements"
            headers={["Date", "Kind", "Description", "Amount", "Balance after"]}
            empty={statement.lines.length === 0 ? <EmptyState title="No movements yet" /> : undefined}
          >
            {statement.lines.map((l) => (
              <tr key={l.lineId}>
                <Td>
                  <DateTime value={l.at} />
                </Td>
                <Td>{ENTRY_KINDS[l.kind] ?? l.kind}</Td>
                <Td>{l.memo}</Td>
                <Td className="tabular-nums">{fmt(l.amount)}</Td>
                <Td className="tabular-nums">{fmt(l.balanceAfter)}</Td>
              </tr>
            ))}
          </DataTable>
        </section>
      </div>
    </>
  );
}
