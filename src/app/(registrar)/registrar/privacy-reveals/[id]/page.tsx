/**
 * One reveal request: who asks and as whom, their stated interest and evidence, the registrant's
 * answer, the clocks, and (admins) acknowledge, disclose or refuse with the reason both sides are told.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { Card, DetailList } from "@/components/card";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { TextAreaField } from "@/components/form-field";
import { orNotFound } from "@/app/_lib/or-not-found";
import { getRevealRequest } from "@/server/privacy-proxy/reveal/list-reveal-requests";
import { REQUESTER_KIND_WORDS } from "@/server/privacy-proxy/reveal/reveal-clock";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { loadRegistrar } from "../../_lib/registrar-session";
import { Timer } from "../../abuse/_components/report-bits";
import { RequestDecisionCard } from "../../_components/request-decision";
import { decideRevealRequestAsRegistrar } from "../actions";

export const metadata: Metadata = { title: "Reveal request" };

export default async function RegistrarRevealRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, canWrite } = await loadRegistrar();
  const r = await orNotFound(getRevealRequest(ctx, (await params).id));
  const now = platformNow();
  const open = r.status === "received" || r.status === "acknowledged";
  const mayDisclose = r.registrantAnsweredAt !== null || now > r.registrantAnswerBy;
  return (
    <>
      <PageHeader
        title={`Reveal request ${r.reference}`}
        description={`${r.domainName}, ${r.status}`}
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/registrar/privacy-reveals">
            All reveal requests
          </Link>
        }
      />
      <Card title="Request">
        <DetailList
          items={[
            { label: "Requester", value: `${r.requesterName} <${r.requesterEmail}>` },
            ...(r.requesterOrganisation ? [{ label: "Organisation", value: r.requesterOrganisation }] : []),
            { label: "Asks as", value: REQUESTER_KIND_WORDS[r.requesterKind] },
            { label: "Legitimate interest stated", value: r.reason },
            { label: "Evidence", value: r.evidence || "—" },
            { label: "Evidence SHA-256", value: <code className="break-all text-xs">{r.evidenceSha256}</code> },
            { label: "Received", value: <DateTime value={r.receivedAt} /> },
            { label: "Acknowledge by", value: <Timer due={r.acknowledgeBy} doneAt={r.acknowledgedAt} now={now} /> },
            {
              label: "Registrant may answer until",
              value: <Timer due={r.registrantAnswerBy} doneAt={r.registrantAnsweredAt} now={now} />,
            },
            {
              label: "Registrant's answer",
              value: r.registrantPosition
                ? `${r.registrantPosition === "consent" ? "Agrees" : "Objects"}${r.registrantAnswer ? `: ${r.registrantAnswer}` : ""}`
                : "No answer yet",
            },
            { label: "Decide by", value: <Timer due={r.decideBy} doneAt={r.decidedAt} now={now} /> },
            ...(r.decisionReason ? [{ label: "Reason given", value: r.decisionReason }] : []),
          ]}
        />
      </Card>
      {canWrite && open && (
        <RequestDecisionCard
          title="Decision"
          action={decideRevealRequestAsRegistrar}
          requestId={r.id}
          acknowledged={Boolean(r.acknowledgedAt)}
        >
          {mayDisclose ? (
            <ActionForm
              action={decideRevealRequestAsRegistrar}
              hidden={{ requestId: r.id, decision: "disclose" }}
              submitLabel="Disclose"
              confirm="Mail the registrant's contact data to the requester?"
            >
              <TextAreaField
                name="reason"
                label="Why the interest outweighs the registrant's"
                rows={3}
                maxLength={2000}
              />
            </ActionForm>
          ) : (
            <p className="text-sm text-slate-700">
              Disclosure waits for the registrant&apos;s answer or the end of their time to answer.
            </p>
          )}
        </RequestDecisionCard>
      )}
    </>
  );
}
