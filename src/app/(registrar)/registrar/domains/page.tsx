/** Every reseller's domains (read-only here): the same filters, keyset pages and CSV export as the console. */
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { listDomains } from "@/server/domains/queries/list-domains";
import {
  DomainFilters,
  filterFromParams,
  queryString,
} from "@/app/(console)/console/domains/_components/domain-filters";
import { DomainStateBadge } from "@/app/(console)/console/domains/_components/domain-state-badge";
import { toListFilter } from "@/app/(console)/console/domains/_components/list-filter";
import { loadRegistrar } from "../_lib/registrar-session";
import { CursorPager } from "@/components/cursor-pager";

export const metadata: Metadata = { title: "Domains" };

export default async function RegistrarDomainsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { ctx } = await loadRegistrar();
  const values = filterFromParams(await searchParams);
  const { rows, next } = await listDomains(ctx, toListFilter(values));
  const base = { ...values, cursor: undefined };
  return (
    <>
      <PageHeader title="Domains" description="Domains under management across all resellers." />
      <DomainFilters
        values={base}
        action="/registrar/domains"
        exportHref={`/api/console/domains/export?${queryString(base)}`}
        showReseller
      />
      <DataTable
        caption="Domains across resellers"
        headers={["Domain", "Reseller", "State", "Expires", "Customer"]}
        empty={rows.length ? undefined : <EmptyState title="No domains match these filters." />}
      >
        {rows.map((d) => (
          <tr key={d.id}>
            <Td>
              <Link
                className="font-medium text-indigo-700 underline underline-offset-4"
                href={`/registrar/domains/${d.id}`}
              >
                {d.unicodeName}
              </Link>
            </Td>
            <Td>
              <Link className="underline" href={`/registrar/domains?reseller=${d.resellerId}`}>
                {d.resellerName}
              </Link>
            </Td>
            <Td>
              <DomainStateBadge state={d.state} />
            </Td>
            <Td className="whitespace-nowrap">{d.expiresAt?.toISOString().slice(0, 10) ?? "—"}</Td>
            <Td>{d.registrantEmail ?? "—"}</Td>
          </tr>
        ))}
      </DataTable>
      <CursorPager
        firstHref={values.cursor ? `/registrar/domains?${queryString(base)}` : null}
        nextHref={next ? `/registrar/domains?${queryString({ ...base, cursor: next })}` : null}
      />
    </>
  );
}
