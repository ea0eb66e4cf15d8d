/** The reseller's customers (storefront accounts), searchable, with how many domains each holds. */
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { TextField } from "@/components/form-field";
import { buttonClasses } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { listCustomers } from "@/server/domains/queries/list-customers";
import { loadConsole } from "../_lib/console-session";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { ctx, reseller } = await loadConsole();
  const { q } = await searchParams;
  const rows = await listCustomers(ctx, { resellerId: reseller.id, q: typeof q === "string" ? q : null });
  return (
    <>
      <PageHeader title="Customers" description="People with an account on your storefront." />
      <form method="get" action="/console/customers" className="mb-4 flex flex-wrap items-end gap-3">
        <TextField name="q" label="Search by name or email" defaultValue={q ?? ""} />
        <button type="submit" className={buttonClasses("primary")}>
          Search
        </button>
      </form>
      <DataTable
        caption="Customers"
        headers={["Name", "Email", "Domains", "Since"]}
        empty={rows.length ? undefined : <EmptyState title={q ? "Nobody matches that search." : "No customers yet."} />}
      >
        {rows.map((c) => (
          <tr key={c.id}>
            <Td>
              <Link
                className="font-medium text-indigo-700 underline underline-offset-4"
                href={`/console/customers/${c.id}`}
              >
                {c.name}
              </Link>
            </Td>
            <Td>{c.email}</Td>
            <Td>{c.domains}</Td>
            <Td>{c.createdAt.toISOString().slice(0, 10)}</Td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
