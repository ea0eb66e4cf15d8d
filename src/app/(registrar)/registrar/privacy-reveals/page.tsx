/** Reveal requests with their clocks: acknowledge in 2 working days, registrant's answer in 5, decision in 10. */
import type { Metadata } from "next";
import { Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { listRevealRequests } from "@/server/privacy-proxy/reveal/list-reveal-requests";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { loadRegistrar } from "../_lib/registrar-session";
import { Timer } from "../abuse/_components/report-bits";
import { queueParams, RequestLink, RequestQueue } from "../_components/request-queue";

export const metadata: Metadata = { title: "Reveal requests" };

const BASE = "/registrar/privacy-reveals";

export default async function RegistrarRevealRequestsPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; page?: string }>;
}) {
  const { ctx } = await loadRegistrar();
  const { open, page } = queueParams(await searchParams);
  const list = await listRevealRequests(ctx, { open, page });
  const now = platformNow();
  return (
    <RequestQueue
      title="Reveal requests"
      description="Requests to disclose the customer behind the privacy service. The registrant is told on receipt and may answer; disclose or refuse with a reason."
      basePath={BASE}
      open={open}
      finishedLabel="Decided requests"
      headers={["Request", "Domain", "Received", "Acknowledge", "Registrant answer", "Decide", "Status"]}
      list={list}
    >
      {list.items.map((r) => (
        <tr key={r.id}>
          <Td>
            <RequestLink basePath={BASE} id={r.id} reference={r.reference} />
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
    </RequestQueue>
  );
}
