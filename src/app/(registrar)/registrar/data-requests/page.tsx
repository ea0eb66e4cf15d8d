/** Data-subject and disclosure requests with their clocks: acknowledged within 2 working days, answered within 30 days. */
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { pageParam } from "@/lib/pagination";
import { listDataRequests } from "@/server/data-requests/list-data-requests";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { loadRegistrar } from "../_lib/registrar-session";
import { Timer } from "../abuse/_components/report-bits";

export const metadata: Metadata = { title: "Data requests" };

export default async function RegistrarDataRequestsPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; page?: string }>;
}) {
  const { ctx } = await loadRegistrar();
  const sp = await searchParams;
  const open = sp.done !== "1";
  const list = await listDataRequests(ctx, { open, page: pageParam(sp.page) });
  const now = platformNow();
  return (
    <>
      <PageHeader
        title="Data requests"
        description="Access, correction and deletion requests from registrants, and disclosure requests from third parties. The clocks start when the requester's identity is confirmed."
        actions={
          <Link
            className="text-sm font-medium text-indigo-700 underline"
            href={open ? "/registrar/data-requests?done=1" : "/registrar/data-requests"}
          >
            {open ? "Answered and unconfirmed requests" : "Open requests"}
          </Link>
        }
      />
      <DataTable
        caption="Data requests"
        headers={["Request", "Kind", "Received", "Acknowledge (2 working days)", "Answer (30 days)", "Status"]}
        empty={list.items.length === 0 && <p className="px-4 py-6 text-sm text-slate-600">No requests here.</p>}
      >
        {list.items.map((r) => (
          <tr key={r.id}>
            <Td>
              <Link className="font-medium text-indigo-700 underline" href={`/registrar/data-requests/${r.id}`}>
                {r.reference}
              </Link>
            </Td>
            <Td>{r.kind}</Td>
            <Td>
              <DateTime value={r.receivedAt} />
            </Td>
            <Td>
              {r.acknowledgeBy ? <Timer due={r.acknowledgeBy} doneAt={r.acknowledgedAt} now={now} /> : "not confirmed"}
            </Td>
            <Td>{r.answerBy ? <Timer due={r.answerBy} doneAt={r.answeredAt} now={now} /> : "not confirmed"}</Td>
            <Td>{r.status.replace("_", " ")}</Td>
          </tr>
        ))}
      </DataTable>
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
        basePath="/registrar/data-requests"
        params={{ done: open ? undefined : "1" }}
      />
    </>
  );
}
