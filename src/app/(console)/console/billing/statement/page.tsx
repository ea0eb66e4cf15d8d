/** Statement: every movement of the balance with filters, a monthly summary and CSV export. */
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/card";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { SelectField, TextField } from "@/components/form-field";
import { buttonClasses } from "@/components/button";
import { shortOrderNumber } from "@/lib/order-number";
import { formatMoney } from "@/lib/money";
import { ENTRY_KINDS, listStatement, monthlyStatement } from "@/server/billing/list-statement";
import { loadConsole } from "../../_lib/console-session";
import { parseStatementQuery, statementQueryString, type StatementQuery } from "../_components/statement-query";

export const metadata: Metadata = { title: "Statement" };

export default async function StatementPage({ searchParams }: { searchParams: Promise<StatementQuery> }) {
  const { ctx, reseller } = await loadConsole();
  const query = await searchParams;
  if (!["owner", "admin", "billing"].includes(ctx.role)) {
    return (
      <>
        <PageHeader title="Statement" />
        <Notice tone="info" title="Statements are for owners, admins and billing staff">
          Ask an owner of {reseller.displayName} for a copy.
        </Notice>
      </>
    );
  }
  const { filter, month, before } = parseStatementQuery(query);
  const [page, summary] = await Promise.all([
    listStatement(ctx, reseller.id, filter, { before }),
    month ? monthlyStatement(ctx, reseller.id, month.year, month.month) : null,
  ]);
  const fmt = (n: number) => formatMoney(n, page.currency, reseller.locale);
  const csvHref = `/console/billing/statement/export?${statementQueryString(query)}`;
  return (
    <>
      <PageHeader
        title="Statement"
        description="Every movement of your balance, newest first, with the balance after it."
        actions={
          <a href={csvHref} className={buttonClasses("secondary")} download>
            Download CSV
          </a>
        }
      />
      <div className="space-y-6">
        <Card title="Filter">
          <form method="get" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
            <TextField
              name="month"
              label="Month"
              type="month"
              defaultValue={query.month ?? ""}
              hint="Summarises a calendar month (UTC)."
            />
            <TextField name="from" label="From" type="date" defaultValue={query.from ?? ""} />
            <TextField name="to" label="To (inclusive)" type="date" defaultValue={query.to ?? ""} />
            <SelectField
              name="kind"
              label="Kind"
              defaultValue={query.kind ?? ""}
              options={[
                { value: "", label: "All kinds" },
                ...Object.entries(ENTRY_KINDS).map(([value, label]) => ({ value, label })),
              ]}
            />
            <SelectField
              name="account"
              label="Balance"
              defaultValue={query.account ?? "available"}
              options={[
                { value: "available", label: "Available" },
                { value: "held", label: "Held for orders" },
              ]}
            />
            <div className="flex gap-2 lg:col-span-5">
              <button type="submit" className={buttonClasses("primary")}>
                Apply
              </button>
              <Link href="/console/billing/statement" className={buttonClasses("ghost")}>
                Clear
              </Link>
            </div>
          </form>
        </Card>
        {summary && (
          <Card
            title={`Monthly statement: ${query.month}`}
            description="Opening and closing available balance and the movements in between."
          >
            <dl className="grid gap-4 sm:grid-cols-3">
              <div>
                <dt className="text-sm text-slate-600">Opening balance</dt>
                <dd className="text-lg font-semibold tabular-nums">{fmt(summary.opening)}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">Closing balance</dt>
                <dd className="text-lg font-semibold tabular-nums">{fmt(summary.closing)}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">Net change</dt>
                <dd className="text-lg font-semibold tabular-nums">{fmt(summary.closing - summary.opening)}</dd>
              </div>
            </dl>
            {summary.byKind.length > 0 && (
              <ul className="mt-4 divide-y divide-slate-100 text-sm">
                {summary.byKind.map((k) => (
                  <li key={k.kind} className="flex justify-between py-2">
                    <span>
                      {k.label} <span className="text-slate-600">× {k.count}</span>
                    </span>
                    <span className="tabular-nums">{fmt(k.total)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}
        <DataTable
          caption="Balance movements"
          headers={["Date", "Kind", "Description", "Order", "Amount", "Balance after"]}
          empty={
            page.lines.length === 0 ? (
              <EmptyState title="No movements match">Change the filter or clear it.</EmptyState>
            ) : undefined
          }
        >
          {page.lines.map((l) => (
            <tr key={l.lineId}>
              <Td>
                <DateTime value={l.at} />
              </Td>
              <Td>{ENTRY_KINDS[l.kind] ?? l.kind}</Td>
              <Td>{l.memo}</Td>
              <Td className="whitespace-nowrap">{l.orderId ? shortOrderNumber(l.orderId) : "—"}</Td>
              <Td className={`tabular-nums ${l.amount < 0 ? "text-red-800" : "text-green-800"}`}>{fmt(l.amount)}</Td>
              <Td className="tabular-nums">{fmt(l.balanceAfter)}</Td>
            </tr>
          ))}
        </DataTable>
        {page.nextBefore && (
          <Link
            href={`/console/billing/statement?${statementQueryString({ ...query, before: page.nextBefore })}`}
            className={buttonClasses("secondary")}
          >
            Older movements
          </Link>
        )}
      </div>
    </>
  );
}
