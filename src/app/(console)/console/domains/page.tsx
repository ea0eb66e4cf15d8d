/**
 * The reseller's domains: filters, sort, keyset pages ("Next" carries a cursor), CSV export of the
 * same filter, and a selection that starts a bulk action.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { SmallScreenToggle } from "@/components/small-screen-toggle";
import { listDomains } from "@/server/domains/queries/list-domains";
import { loadConsole } from "../_lib/console-session";
import { startBulkJob } from "../bulk/actions";
import { BulkForm } from "../bulk/_components/bulk-form";
import { DomainFilters, filterFromParams, queryString } from "./_components/domain-filters";
import { DomainStateBadge } from "./_components/domain-state-badge";
import { toListFilter } from "./_components/list-filter";
import { CursorPager } from "@/components/cursor-pager";

export const metadata: Metadata = { title: "Domains" };

export default async function ConsoleDomainsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { ctx } = await loadConsole();
  const values = filterFromParams(await searchParams);
  const { rows, next } = await listDomains(ctx, toListFilter(values));
  const withoutCursor = { ...values, cursor: undefined };
  const canBulk = ctx.role !== "billing";
  const table = (
    <DataTable
      caption="Domains"
      headers={[...(canBulk ? ["Select"] : []), "Domain", "State", "Expires", "Customer", "Auto-renew", "Lock"]}
      empty={rows.length ? undefined : <EmptyState title="No domains match these filters." />}
    >
      {rows.map((d) => (
        <tr key={d.id}>
          {canBulk && (
            <Td>
              <input
                type="checkbox"
                name="names"
                value={d.name}
                aria-label={`Select ${d.unicodeName}`}
                className="h-4 w-4"
              />
            </Td>
          )}
          <Td>
            <Link
              className="font-medium text-indigo-700 underline underline-offset-4"
              href={`/console/domains/${d.id}`}
            >
              {d.unicodeName}
            </Link>
          </Td>
          <Td>
            <DomainStateBadge state={d.state} />
          </Td>
          <Td className="whitespace-nowrap">{d.expiresAt?.toISOString().slice(0, 10) ?? "—"}</Td>
          <Td>
            {d.registrantEmail ? (
              <Link className="underline" href={`/console/customers/${d.registrantId}`}>
                {d.registrantEmail}
              </Link>
            ) : (
              "—"
            )}
          </Td>
          <Td>{d.autoRenew ? "On" : "Off"}</Td>
          <Td>{d.transferLock ? "Locked" : "Unlocked"}</Td>
        </tr>
      ))}
    </DataTable>
  );
  return (
    <>
      <PageHeader
        title="Domains"
        description="Every domain of your customers. Select names to renew, lock or change them together."
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline underline-offset-4" href="/console/bulk">
            Bulk actions
          </Link>
        }
      />
      <SmallScreenToggle label="Filters and export">
        <DomainFilters
          values={withoutCursor}
          action="/console/domains"
          exportHref={`/api/console/domains/export?${queryString(withoutCursor)}`}
        />
      </SmallScreenToggle>
      {canBulk ? <BulkForm action={startBulkJob}>{table}</BulkForm> : table}
      <CursorPager
        firstHref={values.cursor ? `/console/domains?${queryString(withoutCursor)}` : null}
        nextHref={next ? `/console/domains?${queryString({ ...withoutCursor, cursor: next })}` : null}
      />
    </>
  );
}
