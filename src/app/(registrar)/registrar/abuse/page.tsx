/** The abuse queue: open reports with their 24-hour timers, and abuse reports per 10,000 names per reseller. */
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/card";
import { DataTable, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { pageParam } from "@/lib/pagination";
import { abuseRates } from "@/server/abuse/abuse-rates";
import { listAbuseReports } from "@/server/abuse/list-reports";
import { CATEGORY_WORDS } from "@/server/abuse/abuse-mail";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { loadRegistrar } from "../_lib/registrar-session";
import { ReportStatus, Timer } from "./_components/report-bits";

export const metadata: Metadata = { title: "Abuse reports" };

const FILTERS = [
  ["open", "Open"],
  ["received", "Waiting for review"],
  ["actioned", "Action taken"],
  ["closed", "Closed"],
] as const;
type Filter = (typeof FILTERS)[number][0];

export default async function RegistrarAbusePage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; page?: string }>;
}) {
  const { ctx } = await loadRegistrar();
  const sp = await searchParams;
  const status: Filter = FILTERS.find(([k]) => k === sp.status)?.[0] ?? "open";
  const [list, rates] = await Promise.all([
    listAbuseReports(ctx, { status, page: pageParam(sp.page) }),
    abuseRates(ctx),
  ]);
  const now = platformNow();
  return (
    <>
      <PageHeader
        title="Abuse reports"
        description="Reports from the storefronts' and the console's forms and from the abuse mailbox. Each is reviewed within 24 hours and acted on within 24 hours of receipt."
      />
      <nav aria-label="Filter reports" className="mb-4 flex flex-wrap gap-2 text-sm">
        {FILTERS.map(([k, label]) => (
          <Link
            key={k}
            href={k === "open" ? "/registrar/abuse" : `/registrar/abuse?status=${k}`}
            aria-current={k === status ? "page" : undefined}
            className={`rounded-md border px-3 py-1.5 ${k === status ? "border-indigo-600 bg-indigo-50 font-semibold text-indigo-900" : "border-slate-300 bg-white text-slate-800"}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      <DataTable
        caption="Abuse reports"
        headers={["Report", "Domain", "Reseller", "Category", "Received", "Review", "Action", "Status"]}
        empty={list.items.length === 0 && <p className="px-4 py-6 text-sm text-slate-600">No reports here.</p>}
      >
        {list.items.map((r) => (
          <tr key={r.id}>
            <Td>
              <Link className="font-medium text-indigo-700 underline" href={`/registrar/abuse/${r.id}`}>
                {r.reference}
              </Link>
              {r.fromAuthority && <span className="ml-2 text-xs font-semibold text-red-800">Authority</span>}
              {r.escalatedAt && r.status !== "closed" && (
                <span className="ml-2 text-xs font-semibold text-red-800">Escalated</span>
              )}
            </Td>
            <Td className="break-all">{r.domainName}</Td>
            <Td>{r.resellerName ?? <span className="text-slate-500">Not ours</span>}</Td>
            <Td>{CATEGORY_WORDS[r.category]}</Td>
            <Td>
              <DateTime value={r.receivedAt} />
            </Td>
            <Td>
              <Timer due={r.acknowledgeBy} doneAt={r.acknowledgedAt} now={now} />
            </Td>
            <Td>
              <Timer due={r.actionBy} doneAt={r.actionedAt} now={now} />
            </Td>
            <Td>
              <ReportStatus status={r.status} />
            </Td>
          </tr>
        ))}
      </DataTable>
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
        basePath="/registrar/abuse"
        params={{ status: status === "open" ? undefined : status }}
      />
      <Card
        className="mt-8"
        title="Abuse rate per reseller"
        description="Reports received in the last 90 days per 10,000 names under management."
      >
        <DataTable caption="Abuse rate per reseller" headers={["Reseller", "Reports", "Names", "Per 10,000 names"]}>
          {rates.map((r) => (
            <tr key={r.resellerId}>
              <Td>{r.resellerName}</Td>
              <Td>{r.reports}</Td>
              <Td>{r.names}</Td>
              <Td>{r.per10k}</Td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}
