/** Resellers: filter by status, search by name, slug or host, page through. */
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { controlClasses } from "@/components/form-field";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { StatusBadge } from "@/components/status-badge";
import { pageParam } from "@/lib/pagination";
import { listResellers } from "@/server/tenancy/list-resellers";
import { loadRegistrar } from "../_lib/registrar-session";

export const metadata: Metadata = { title: "Resellers" };

const STATUSES = ["active", "suspended", "closed"] as const;
type Search = { status?: string; q?: string; page?: string };

export default async function ResellersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { ctx } = await loadRegistrar();
  const sp = await searchParams;
  const status = STATUSES.find((s) => s === sp.status);
  const search = (sp.q ?? "").slice(0, 100);
  const list = await listResellers(ctx, { status, search, page: pageParam(sp.page) });
  return (
    <>
      <PageHeader title="Resellers" />
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={search}
            placeholder="Name, slug or host name"
            className={`${controlClasses(false)} mt-1`}
          />
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium text-slate-800">
            Status
          </label>
          <select
            id="status"
            name="status"
            defaultValue={status ?? ""}
            className={`${controlClasses(false)} mt-1 w-40`}
          >
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s[0].toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          Apply
        </button>
      </form>
      <DataTable
        caption="Resellers"
        headers={["Reseller", "Status", "Storefront", "Staff", "Customers"]}
        empty={list.items.length === 0 ? <EmptyState title="No resellers match" /> : undefined}
      >
        {list.items.map((r) => (
          <tr key={r.id}>
            <Td>
              <Link
                href={`/registrar/resellers/${r.id}`}
                className="font-medium text-indigo-700 underline underline-offset-4"
              >
                {r.displayName}
              </Link>
              <span className="block text-xs text-slate-600">{r.legalName}</span>
            </Td>
            <Td>
              <StatusBadge status={r.status} />
            </Td>
            <Td>{r.hostNames[0]?.host ?? "—"}</Td>
            <Td>{r._count.memberships}</Td>
            <Td>{r._count.registrants}</Td>
          </tr>
        ))}
      </DataTable>
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
        basePath="/registrar/resellers"
        params={{ status, q: search || undefined }}
      />
    </>
  );
}
