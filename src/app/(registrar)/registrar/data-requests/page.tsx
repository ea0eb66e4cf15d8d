/** Data-subject and disclosure requests with their clocks: acknowledged within 2 working days, answered within 30 days. */
import type { Metadata } from "next";
import { Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { listDataRequests } from "@/server/data-requests/list-data-requests";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { loadRegistrar } from "../_lib/registrar-session";
import { Timer } from "../abuse/_components/report-bits";
import { queueParams, RequestLink, RequestQueue } from "../_components/request-queue";

export const metadata: Metadata = { title: "Data requests" };

const BASE = "/registrar/data-requests";

export default async function RegistrarDataRequestsPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; page?: string }>;
}) {
  const { ctx } = await loadRegistrar();
  const { open, page } = queueParams(await searchParams);
  const list = await listDataRequests(ctx, { open, page });
  const now = platformNow();
  return (
    <RequestQueue
      title="Data requests"
      description="Access, correction and deletion requests from registrants, and disclosure requests from third parties. The clocks start when the requester's identity is confirmed."
      basePath={BASE}
      open={open}
      finishedLabel="Answered and unconfirmed requests"
      headers={["Request", "Kind", "Received", "Acknowledge (2 working days)", "Answer (30 days)", "Status"]}
      list={list}
    >
      {list.items.map((r) => (
        <tr key={r.id}>
          <Td>
            <RequestLink basePath={BASE} id={r.id} reference={r.reference} />
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
    </RequestQueue>
  );
}
