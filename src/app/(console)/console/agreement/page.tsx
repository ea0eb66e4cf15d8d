/** The reseller agreement in force: its text, whether this reseller accepted it, and (owners) accepting it. */
import type { Metadata } from "next";
import { ActionForm } from "@/components/action-form";
import { Card, DetailList } from "@/components/card";
import { DateTime } from "@/components/date-time";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { agreementStanding, currentAgreement } from "@/server/reseller-agreements/agreement-status";
import { loadConsole } from "../_lib/console-session";
import { acceptResellerAgreement } from "./actions";

export const metadata: Metadata = { title: "Reseller agreement" };

export default async function AgreementPage() {
  const session = await loadConsole();
  const [current, standing] = await Promise.all([currentAgreement(), agreementStanding(session.reseller.id)]);
  if (!current)
    return (
      <>
        <PageHeader title="Reseller agreement" />
        <p className="text-sm text-slate-700">The registrar has not published an agreement version here yet.</p>
      </>
    );
  const owner = session.ctx.role === "owner";
  return (
    <>
      <PageHeader title="Reseller agreement" description={`Version ${current.version}: ${current.title}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Your acceptance">
          {standing.state === "accepted" ? (
            <DetailList
              items={[
                { label: "Version", value: standing.version },
                { label: "Accepted by", value: standing.acceptedByEmail },
                { label: "Accepted", value: <DateTime value={standing.acceptedAt} /> },
              ]}
            />
          ) : (
            <>
              <Notice tone={standing.state === "overdue" ? "danger" : "warning"} role="status">
                Not accepted yet. Due by <DateTime value={current.acceptBy} />
                {standing.state === "overdue" && ": your console is read-only until an owner accepts it."}
              </Notice>
              {owner ? (
                <ActionForm
                  action={acceptResellerAgreement}
                  hidden={{ versionId: current.id }}
                  submitLabel={`Accept version ${current.version}`}
                  success="Accepted. Thank you."
                  className="mt-4"
                  confirm={`Accept version ${current.version} of the reseller agreement on behalf of ${session.reseller.displayName}?`}
                />
              ) : (
                <p className="mt-4 text-sm text-slate-700">
                  Only an owner of {session.reseller.displayName} can accept it.
                </p>
              )}
            </>
          )}
        </Card>
        {current.summary && (
          <Card title="What changed">
            <p className="text-sm whitespace-pre-wrap text-slate-900">{current.summary}</p>
          </Card>
        )}
      </div>
      <Card title="Agreement text" className="mt-6">
        <div className="max-h-[32rem] overflow-auto text-sm whitespace-pre-wrap text-slate-900">{current.body}</div>
      </Card>
    </>
  );
}
