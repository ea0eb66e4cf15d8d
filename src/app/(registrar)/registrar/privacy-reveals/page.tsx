/** Reveal requests with their clocks: acknowledge in 2 working days, registrant's answer in 5, decision in 10. */
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { pageParam } from "@/lib/pagination";
import { listRevealRequests } from "@/server/privacy-proxy/reveal/list-reveal-requests";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { loadRegistrar } from "../_lib/registrar-session";
import { Timer } from "../abuse/_components/report-bits";

export const metadata: Metadata = { title: "Reveal requests" };

export default async function RegistrarRevealRequestsPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; page?: string }>;
}) {
  const { ctx } = await loadRegistrar();
  const sp = await searchParams;
  const open = sp.done !== "1";
  const list = await listRevealRequests(ctx, { open, page: pageParam(sp.page) });
  const now = platformNow();
  return (
    <>
      <PageHeader
        title="Reveal requests"
        description="Requests to disclose the customer behind the privacy service. The registrant is told on receipt and may answer; disclose or refuse with a reason."
        actions={
          <Link
            className="text-sm font-medium text-indigo-700 underline"
            href={open ? "/registrar/privacy-reveals?done=1" : "/registrar/privacy-reveals"}
          >
            {open ? "Decided requests" : "Open requests"}
          </Link>
        }
      />
      <DataTable
        caption="Reveal requests"
        headers={["Request", "Domain", "Received", "Acknowledge", "Registrant answer", "Decide", "Status"]}
        empty={list.items.length === 0 && <p className="px-4 py-6 text-sm text-slate-600">No requests here.</p>}
      >
        {list.items.map((r) => (
          <tr key={r.id}>
            <Td>
              <Link className="font-medium text-indigo-700 underline" href={`/registrar/privacy-reveals/${r.id}`}>
                {r.reference}
              </Link>
              {r.escalatedAt && !r.decidedAt && (
                <span className="ml-2 text-xs font-semibold text-red-800">Escalated</span>
              )}
            </Td>
            <Td>{r.domainName}</Td>
            <Td>
              <DateTime value={r.receivedAt} />
            </Td>
            <Td>
              <Timer due={r.acknowledgeBy} doneAt={r.acknowledgedAt} now={now} />
            </Td>
            <Td>
              {r.registrantPosition ?? <Timer due={r.registrantAnswerBy} doneAt={r.registrantAnsweredAt} now={now} />}
            </Td>
            <Td>
              <Timer due={r.decideBy} doneAt={r.decidedAt} now={now} />
            </Td>
            <Td>{r.status}</Td>
          </tr>
        ))}
      </DataTable>
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
        basePath="/registrar/privacy-reveals"
        params={{ done: open ? undefined : "1" }}
      />
    </>
  );
}
