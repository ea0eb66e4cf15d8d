/**
 * One data request: who asks, how their identity was confirmed, the clocks, the registrant's data as
 * JSON, and (admins) acknowledge, answer or refuse. For a disclosure the answer is the legitimate-
 * interest review: the reason weighs the requester's interest against the registrant's rights.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { Card, DetailList } from "@/components/card";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { TextAreaField } from "@/components/form-field";
import { orNotFound } from "@/app/_lib/or-not-found";
import { getDataRequest } from "@/server/data-requests/list-data-requests";
import { REGISTRANT_DATA_MAP } from "@/server/data-requests/registrant-data-map";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { loadRegistrar } from "../../_lib/registrar-session";
import { Timer } from "../../abuse/_components/report-bits";
import { RequestDecisionCard } from "../../_components/request-decision";
import { decideDataRequestAsRegistrar } from "../actions";

export const metadata: Metadata = { title: "Data request" };

export default async function RegistrarDataRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, canWrite } = await loadRegistrar();
  const r = await orNotFound(getDataRequest(ctx, (await params).id));
  const now = platformNow();
  const answerable = r.status === "open" || r.status === "acknowledged";
  const retained = Object.entries(REGISTRANT_DATA_MAP).flatMap(([model, rule]) =>
    "export" in rule && rule.erase === "retain" ? [`${model}: ${rule.why ?? ""}`] : [],
  );
  return (
    <>
      <PageHeader
        title={`Data request ${r.reference}`}
        description={`${r.kind} request, ${r.status.replace("_", " ")}`}
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/registrar/data-requests">
            All data requests
          </Link>
        }
      />
      <Card title="Request">
        <DetailList
          items={[
            { label: "Requester", value: `${r.requesterName || "(no name)"} <${r.requesterEmail}>` },
            ...(r.requesterOrganisation ? [{ label: "Organisation", value: r.requesterOrganisation }] : []),
            ...(r.domainName ? [{ label: "Domain", value: r.domainName }] : []),
            ...(r.legalBasis ? [{ label: "Legitimate interest stated", value: r.legalBasis }] : []),
            { label: "Details", value: r.details || "—" },
            {
              label: "Identity",
              value: r.identityConfirmedAt ? (
                <>
                  {r.identityMethod === "session" ? "Signed-in registrant" : "Mailed link confirmed"} ·{" "}
                  <DateTime value={r.identityConfirmedAt} />
                </>
              ) : (
                "Not confirmed yet"
              ),
            },
            { label: "Received", value: <DateTime value={r.receivedAt} /> },
            {
              label: "Acknowledge by",
              value: r.acknowledgeBy ? <Timer due={r.acknowledgeBy} doneAt={r.acknowledgedAt} now={now} /> : "—",
            },
            {
              label: "Answer by",
              value: r.answerBy ? <Timer due={r.answerBy} doneAt={r.answeredAt} now={now} /> : "—",
            },
            ...(r.decisionReason ? [{ label: "Answer given", value: r.decisionReason }] : []),
          ]}
        />
        {r.registrantId && (
          <p className="mt-4 text-sm">
            <a
              className="font-medium text-indigo-700 underline"
              href={`/api/data-export?registrantId=${r.registrantId}`}
            >
              Download everything we hold about this registrant (JSON)
            </a>
          </p>
        )}
      </Card>
      {r.kind === "deletion" && (
        <Card
          className="mt-6"
          title="What deletion keeps"
          description="Completing runs the erasure; these stay for their retention period."
        >
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {retained.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Card>
      )}
      {canWrite && answerable && (
        <RequestDecisionCard
          title={r.kind === "disclosure" ? "Legitimate-interest review" : "Answer"}
          action={decideDataRequestAsRegistrar}
          requestId={r.id}
          acknowledged={Boolean(r.acknowledgedAt)}
        >
          <ActionForm
            action={decideDataRequestAsRegistrar}
            hidden={{ requestId: r.id, decision: "complete" }}
            submitLabel={r.kind === "disclosure" ? "Disclose" : r.kind === "deletion" ? "Erase and answer" : "Answer"}
            confirm={
              r.kind === "deletion"
                ? "Erase this registrant's data that the RAA does not require us to keep?"
                : undefined
            }
          >
            <TextAreaField name="reason" label="What the requester is told" rows={3} maxLength={2000} />
          </ActionForm>
        </RequestDecisionCard>
      )}
    </>
  );
}
