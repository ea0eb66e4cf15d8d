/** Prices: the retail rule, per-TLD prices and promotions, and the table of wholesale, retail and margin. */
import type { Metadata } from "next";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/card";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { SelectField, TextField } from "@/components/form-field";
import { formatMoney } from "@/lib/money";
import { listPriceTable, OPERATIONS } from "@/server/pricing/list-price-table";
import { listRetailSettings } from "@/server/pricing/update-retail-rules";
import { loadConsole } from "../_lib/console-session";
import { addPromotion, dropOverride, removePromotion, saveMarkup, saveOverride } from "./actions";
import { PriceTable } from "./_components/price-table";

export const metadata: Metadata = { title: "Prices" };

const opOptions = OPERATIONS.map((o) => ({ value: o, label: o[0].toUpperCase() + o.slice(1) }));

export default async function PricesPage() {
  const { ctx, reseller, canManage } = await loadConsole();
  const [table, settings] = await Promise.all([listPriceTable(ctx, reseller.id), listRetailSettings(ctx, reseller.id)]);
  const { context, rows, warnings } = table;
  const fmt = (n: number) => formatMoney(n, context.currency, reseller.locale);
  const products = [...new Map(rows.map((r) => [r.code, r.name])).entries()].map(([value, label]) => ({
    value,
    label,
  }));
  const billing = settings.billing;
  return (
    <>
      <PageHeader
        title="Prices"
        description={`What your customers pay, in ${context.currency}. Your wholesale price list is “${context.tierName}”; the storefront shows retail prices only.`}
      />
      <div className="space-y-6">
        {warnings.length > 0 && (
          <Notice
            tone="danger"
            title={`${warnings.length} ${warnings.length === 1 ? "price is" : "prices are"} below wholesale`}
            role="alert"
          >
            You lose money on every sale of:{" "}
            {warnings.map((w) => `${w.name} ${w.operation} (${fmt(w.retail)} < ${fmt(w.wholesale)})`).join(", ")}.
          </Notice>
        )}
        <div className="grid gap-6 lg:grid-cols-2">
          <Card
            title="Default markup"
            description="Applied to every wholesale price you have not set yourself. Rounding goes up, never into your margin."
          >
            <ActionForm
              action={saveMarkup}
              submitLabel="Save markup"
              success="Saved. Your storefront shows the new prices now."
              idPrefix="markup"
            >
              <fieldset disabled={!canManage} className="grid gap-4 sm:grid-cols-3">
                <SelectField
                  name="markupKind"
                  label="Markup"
                  required
                  defaultValue={billing?.markupKind}
                  options={[
                    { value: "percent", label: "Percentage" },
                    { value: "fixed", label: `Fixed (${context.currency})` },
                  ]}
                />
                <TextField
                  name="markupValue"
                  label="Amount"
                  required
                  inputMode="decimal"
                  defaultValue={billing ? (billing.markupValue / 100).toFixed(2) : ""}
                  hint="25 = 25% or 25.00"
                />
                <SelectField
                  name="rounding"
                  label="Rounding"
                  required
                  defaultValue={billing?.rounding}
                  options={[
                    { value: "cents99", label: "Up to .99" },
                    { value: "whole", label: "Up to whole units" },
                    { value: "none", label: "None" },
                  ]}
                />
              </fieldset>
            </ActionForm>
          </Card>
          <Card
            title="Set a price for one product"
            description="Your price for one product and operation, instead of the markup. Premium names always use the markup."
          >
            <ActionForm action={saveOverride} submitLabel="Save price" success="Saved." idPrefix="price">
              <fieldset disabled={!canManage} className="grid gap-4 sm:grid-cols-3">
                <SelectField name="productCode" label="Product" options={products} required />
                <SelectField name="operation" label="Operation" options={opOptions} required />
                <TextField
                  name="amount"
                  label={`Price per year (${context.currency})`}
                  inputMode="decimal"
                  placeholder="12.99"
                  required
                />
              </fieldset>
            </ActionForm>
          </Card>
        </div>
        {settings.overrides.length > 0 && (
          <DataTable caption="Your own prices" headers={["Product", "Operation", "Your price", ""]}>
            {settings.overrides.map((o) => (
              <tr key={o.id}>
                <Td>{o.product.name}</Td>
                <Td className="capitalize">{o.operation}</Td>
                <Td className="tabular-nums">{fmt(o.amount)}</Td>
                <Td>
                  {canManage && (
                    <ActionForm
                      action={dropOverride}
                      hidden={{ overrideId: o.id }}
                      submitLabel="Use markup again"
                      variant="ghost"
                    />
                  )}
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
        <Card
          title="Promotions"
          description="A price for a set period, e.g. “.co at 15.00 until 30 September”. A running promotion beats your other prices."
        >
          <ActionForm action={addPromotion} submitLabel="Add promotion" success="Promotion added." idPrefix="promotion">
            <fieldset disabled={!canManage} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-6">
              <SelectField name="productCode" label="Product" options={products} required />
              <SelectField name="operation" label="Operation" options={opOptions} required />
              <TextField
                name="amount"
                label={`Price (${context.currency})`}
                inputMode="decimal"
                placeholder="15.00"
                required
              />
              <TextField name="startsOn" label="First day" type="date" required />
              <TextField name="endsOn" label="Last day" type="date" required />
              <TextField name="label" label="Label" placeholder="Summer sale" />
            </fieldset>
          </ActionForm>
          <div className="mt-6">
            <DataTable
              caption="Promotions"
              headers={["Product", "Operation", "Price", "Runs", "Label", ""]}
              empty={settings.promotions.length === 0 ? <EmptyState title="No promotions" /> : undefined}
            >
              {settings.promotions.map((p) => (
                <tr key={p.id}>
                  <Td>{p.product.name}</Td>
                  <Td className="capitalize">{p.operation}</Td>
                  <Td className="tabular-nums">{fmt(p.amount)}</Td>
                  <Td className="whitespace-nowrap">
                    {p.startsAt.toISOString().slice(0, 10)} –{" "}
                    {new Date(p.endsAt.getTime() - 1).toISOString().slice(0, 10)}
                  </Td>
                  <Td>{p.label}</Td>
                  <Td>
                    {canManage && (
                      <ActionForm
                        action={removePromotion}
                        hidden={{ promotionId: p.id }}
                        submitLabel="Remove"
                        variant="ghost"
                        confirm="Remove this promotion?"
                      />
                    )}
                  </Td>
                </tr>
              ))}
            </DataTable>
          </div>
        </Card>
        <section aria-labelledby="table-heading" className="space-y-3">
          <h2 id="table-heading" className="text-base font-semibold text-slate-900">
            Your price list
          </h2>
          <p className="text-sm text-slate-600">
            Per year, today. Margin is what you keep from each sale; a negative margin means you sell at a loss.
          </p>
          <PriceTable rows={rows} currency={context.currency} locale={reseller.locale} />
        </section>
      </div>
    </>
  );
}
