/**
 * One abuse report for registrar staff: the report, its evidence as received, the timers, every
 * step taken, and (admins) the actions. The reporter's address shows here only: resellers never see it.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { Card, DetailList } from "@/components/card";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { TextAreaField } from "@/components/form-field";
import { isAppError } from "@/server/errors";
import { getAbuseReport } from "@/server/abuse/list-reports";
import { CATEGORY_WORDS } from "@/server/abuse/abuse-mail";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { loadRegistrar } from "../../_lib/registrar-session";
import { actOnAbuseReportAsRegistrar, closeAbuseReportAsRegistrar } from "../actions";
import { ReportStatus, Timer } from "../_components/report-bits";

export const metadata: Metadata = { title: "Abuse report" };

const ACTION_WORDS: Record<string, string> = {
  received: "Received",
  acknowledge: "Acknowledged (reviewed)",
  notify_reseller: "Reseller told",
  notify_registrant: "Registrant told",
  client_hold: "Suspended (clientHold)",
  lift_hold: "Suspension lifted",
  lock: "Locked",
  delete: "Deleted",
  close: "Closed, reporter told",
};

export default async function RegistrarAbuseReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, canWrite } = await loadRegistrar();
  const data = await getAbuseReport(ctx, (await params).id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { report, domain } = data;
  const now = platformNow();
  const open = report.status !== "closed";
  const act = (
    action: string,
    label: string,
    opts: { confirm?: string; variant?: "primary" | "secondary" | "danger" } = {},
  ) => (
    <ActionForm
      action={actOnAbuseReportAsRegistrar}
      hidden={{ reportId: report.id, action }}
      submitLabel={label}
      variant={opts.variant ?? "secondary"}
      confirm={opts.confirm}
      layout="inline"
    />
  );
  return (
    <>
      <PageHeader
        title={`Abuse report ${report.reference}`}
        description={`${CATEGORY_WORDS[report.category]} on ${report.domainName}`}
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/registrar/abuse">
            All abuse reports
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Report">
          <DetailList
            items={[
              { label: "Status", value: <ReportStatus status={report.status} /> },
              { label: "Domain", value: report.domainName },
              {
                label: "Sponsored name",
                value: domain
                  ? `${domain.name} (${domain.state}; ${domain.registryStatuses.join(", ")})`
                  : "Not a name we sponsor",
              },
              { label: "Reseller", value: data.resellerName ?? "—" },
              { label: "Category", value: CATEGORY_WORDS[report.category] },
              { label: "Channel", value: report.source.replace("_", " ") },
              { label: "Reporter", value: `${report.reporterName || "(no name)"} <${report.reporterEmail}>` },
              { label: "From an authority", value: report.fromAuthority ? "Yes (RAA 3.18.2)" : "No" },
              { label: "Received", value: <DateTime value={report.receivedAt} /> },
              {
                label: "Review (24 h)",
                value: <Timer due={report.acknowledgeBy} doneAt={report.acknowledgedAt} now={now} />,
              },
              { label: "Action (24 h)", value: <Timer due={report.actionBy} doneAt={report.actionedAt} now={now} /> },
              ...(report.outcome ? [{ label: "Outcome told", value: report.outcome }] : []),
            ]}
          />
        </Card>
        <Card title="What was reported">
          <p className="text-sm whitespace-pre-wrap text-slate-900">{report.description}</p>
        </Card>
      </div>
      <Card
        className="mt-6"
        title="Evidence"
        description="As received; the SHA-256 of each item proves it is unchanged."
      >
        <ul className="space-y-3">
          {report.evidence.map((e) => (
            <li key={e.id} className="text-sm">
              <p className="font-medium text-slate-700">
                {e.kind.replace("_", " ")}{" "}
                <span className="font-mono text-xs text-slate-500">{e.sha256.slice(0, 16)}…</span>
              </p>
              <pre className="mt-1 max-h-48 overflow-auto rounded bg-slate-50 p-2 text-xs break-all whitespace-pre-wrap">
                {e.content}
              </pre>
            </li>
          ))}
        </ul>
      </Card>
      {canWrite && open && (
        <Card className="mt-6" title="Act on this report">
          <div className="flex flex-wrap gap-3">
            {!report.acknowledgedAt && act("acknowledge", "Acknowledge", { variant: "primary" })}
            {domain && act("notify_reseller", "Tell the reseller")}
            {domain && act("notify_registrant", "Tell the registrant")}
            {domain &&
              !data.holdOpen &&
              act("client_hold", "Suspend (clientHold)", {
                variant: "danger",
                confirm: `Suspend ${domain.name}? It stops resolving.`,
              })}
            {domain && data.holdOpen && act("lift_hold", "Lift the suspension")}
            {domain && act("lock", "Lock against transfer and deletion")}
            {domain &&
              act("delete", "Delete the name", {
                variant: "danger",
                confirm: `Delete ${domain.name} at the registry?`,
              })}
          </div>
          <div className="mt-6 max-w-xl">
            <ActionForm
              action={closeAbuseReportAsRegistrar}
              hidden={{ reportId: report.id }}
              submitLabel="Close and tell the reporter"
            >
              <TextAreaField name="outcome" label="Outcome for the reporter" required rows={3} maxLength={2000} />
            </ActionForm>
          </div>
        </Card>
      )}
      <Card className="mt-6" title="History">
        <ol className="space-y-2 text-sm">
          {report.actions.map((a) => (
            <li key={a.id}>
              <DateTime value={a.at} /> · {ACTION_WORDS[a.kind] ?? a.kind}
              {a.registryCode !== null && <span className="text-slate-600"> · registry {a.registryCode}</span>}
              {a.note && <span className="text-slate-600"> · {a.note}</span>}
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}
