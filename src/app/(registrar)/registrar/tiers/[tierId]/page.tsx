/** One tier: its premium rule and its price grid in one currency, with the registry's cost beside each price. */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { SelectField, TextField } from "@/components/form-field";
import { CURRENCIES, isCurrency, toDecimalString } from "@/lib/money";
import { requireContext } from "@/server/auth/require-context";
import { getTierPriceGrid } from "@/server/billing/manage-tiers";
import { OPERATIONS } from "@/server/pricing/list-price-table";
import { editTier, saveTierPrices } from "../actions";

export const metadata: Metadata = { title: "Wholesale tier" };

export default async function TierPage({
  params,
  searchParams,
}: {
  params: Promise<{ tierId: string }>;
  searchParams: Promise<{ currency?: string }>;
}) {
  const { tierId } = await params;
  const q = await searchParams;
  const currency = q.currency && isCurrency(q.currency) ? q.currency : "USD";
  const ctx = await requireContext("registrar", { next: `/registrar/tiers/${tierId}` });
  const { tier, products, prices, costs } = await getTierPriceGrid(ctx, tierId, currency);
  const isAdmin = ctx.role === "registrar_admin";
  const price = (productId: string, op: string) =>
    prices.find((p) => p.productId === productId && p.operation === op)?.amount;
  const cost = (productId: string, op: string) => costs.find((c) => c.productId === productId && c.operation === op);
  return (
    <>
      <PageHeader
        title={`Tier: ${tier.name}`}
        description={tier.description}
        actions={
          <Link href="/registrar/tiers" className="text-sm font-medium text-indigo-800 hover:underline">
            All tiers
          </Link>
        }
      />
      <div className="space-y-6">
        <Card
          title="Tier settings"
          description="Premium names are priced at the registry's fee for the name (converted at the registrar's fixed rate) plus this rule."
        >
          <ActionForm action={editTier} hidden={{ tierId }} submitLabel="Save tier" success="Saved.">
            <fieldset disabled={!isAdmin} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
              <TextField name="name" label="Name" defaultValue={tier.name} required />
              <TextField name="description" label="Description" defaultValue={tier.description} />
              <SelectField
                name="premiumRuleKind"
                label="Premium rule"
                defaultValue={tier.premiumRuleKind}
                options={[
                  { value: "percent", label: "Registry fee + percent" },
                  { value: "fixed", label: "Registry fee + fixed (USD)" },
                ]}
              />
              <TextField
                name="premiumRuleValue"
                label="Amount"
                inputMode="decimal"
                defaultValue={(tier.premiumRuleValue / 100).toFixed(2)}
                hint="15 = 15% or 15.00 USD"
              />
            </fieldset>
          </ActionForm>
        </Card>
        <Card
          title={`Prices per year in ${currency}`}
          description="Leave a cell empty to take that operation off this tier's list. The registry's cost (USD) is shown under each cell."
          actions={
            <nav aria-label="Currency" className="flex gap-1">
              {CURRENCIES.map((c) => (
                <Link
                  key={c}
                  href={`/registrar/tiers/${tierId}?currency=${c}`}
                  aria-current={c === currency ? "page" : undefined}
                  className={`rounded-md px-3 py-1 text-sm font-medium ${c === currency ? "bg-indigo-700 text-white" : "border border-slate-300 text-slate-800 hover:bg-slate-50"}`}
                >
                  {c}
                </Link>
              ))}
            </nav>
          }
        >
          <ActionForm
            action={saveTierPrices}
            hidden={{ tierId, currency }}
            submitLabel="Save prices"
            success="Prices saved."
          >
            <fieldset disabled={!isAdmin} className="overflow-x-auto">
              <table className="min-w-full text-left text-sm">
                <caption className="sr-only">
                  Wholesale prices of {tier.name} in {currency}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="px-2 py-2 font-semibold text-slate-700">
                      Product
                    </th>
                    {OPERATIONS.map((op) => (
                      <th key={op} scope="col" className="px-2 py-2 font-semibold capitalize text-slate-700">
                        {op}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {products.map((p) => (
                    <tr key={p.id}>
                      <th scope="row" className="px-2 py-2 font-medium whitespace-nowrap text-slate-900">
                        {p.name}
                        {!p.active && <span className="block text-xs font-normal text-slate-600">not on sale</span>}
                      </th>
                      {OPERATIONS.map((op) => {
                        const amount = price(p.id, op);
                        const c = cost(p.id, op);
                        return (
                          <td key={op} className="px-2 py-2">
                            <label className="sr-only" htmlFor={`price-${p.id}-${op}`}>
                              {p.name} {op} price in {currency}
                            </label>
                            <input
                              id={`price-${p.id}-${op}`}
                              name={`price:${p.id}:${op}`}
                              inputMode="decimal"
                              defaultValue={amount === undefined ? "" : toDecimalString(amount, currency)}
                              className="w-24 rounded-md border border-slate-300 px-2 py-1 text-sm tabular-nums focus:outline-2 focus:outline-indigo-600"
                            />
                            {c && (
                              <span className="block text-xs text-slate-600">
                                cost {toDecimalString(c.amount, c.currency)}
                              </span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </fieldset>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
