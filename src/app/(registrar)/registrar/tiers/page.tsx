/** Wholesale tiers: the registrar's price lists, who is on which, and moving resellers between them. */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/card";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { SelectField, TextField } from "@/components/form-field";
import { requireContext } from "@/server/auth/require-context";
import { listTiers } from "@/server/billing/manage-tiers";
import { listResellerBalances } from "@/server/billing/update-billing-settings";
import { addTier, moveReseller } from "./actions";

export const metadata: Metadata = { title: "Wholesale tiers" };

export default async function TiersPage() {
  const ctx = await requireContext("registrar", { next: "/registrar/tiers" });
  const [tiers, resellers] = await Promise.all([listTiers(ctx), listResellerBalances(ctx)]);
  const isAdmin = ctx.role === "registrar_admin";
  const tierOptions = tiers.map((t) => ({ value: t.id, label: t.name }));
  return (
    <>
      <PageHeader
        title="Wholesale tiers"
        description="Each tier is a price list per product and operation, in USD, EUR and GBP. A reseller buys at its tier's prices in its own currency."
      />
      <div className="space-y-6">
        <DataTable
          caption="Wholesale tiers"
          headers={["Tier", "Description", "Premium names", "Resellers"]}
          empty={tiers.length === 0 ? <EmptyState title="No tiers yet" /> : undefined}
        >
          {tiers.map((t) => (
            <tr key={t.id}>
              <Td>
                <Link
                  href={`/registrar/tiers/${t.id}`}
                  className="font-medium text-indigo-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-700"
                >
                  {t.name}
                </Link>
              </Td>
              <Td>{t.description}</Td>
              <Td>
                Registry fee +{" "}
                {t.premiumRuleKind === "percent"
                  ? `${(t.premiumRuleValue / 100).toFixed(2)}%`
                  : `${(t.premiumRuleValue / 100).toFixed(2)} USD`}
              </Td>
              <Td className="tabular-nums">{t._count.resellers}</Td>
            </tr>
          ))}
        </DataTable>
        {isAdmin && (
          <div className="grid gap-6 lg:grid-cols-2">
            <Card
              title="Move a reseller"
              description="Takes effect for the reseller's next order; orders already placed keep their prices."
            >
              <ActionForm action={moveReseller} submitLabel="Move reseller" success="Moved.">
                <div className="grid gap-4 sm:grid-cols-2">
                  <SelectField
                    name="resellerId"
                    label="Reseller"
                    options={resellers
                      .filter((r) => r.hasBilling)
                      .map((r) => ({ value: r.id, label: `${r.displayName} (now ${r.tier})` }))}
                  />
                  <SelectField name="tierId" label="New tier" options={tierOptions} />
                </div>
              </ActionForm>
            </Card>
            <Card title="New tier" description="Start from a copy of an existing tier's prices, then edit them.">
              <ActionForm action={addTier} submitLabel="Create tier">
                <div className="grid gap-4 sm:grid-cols-2">
                  <TextField name="name" label="Name" required />
                  <SelectField
                    name="copyFromTierId"
                    label="Copy prices from"
                    options={[{ value: "", label: "Nothing (empty list)" }, ...tierOptions]}
                  />
                </div>
                <TextField name="description" label="Description" />
              </ActionForm>
            </Card>
          </div>
        )}
      </div>
    </>
  );
}
