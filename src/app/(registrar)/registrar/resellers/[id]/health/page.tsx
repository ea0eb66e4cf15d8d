/**
 * A reseller's health for registrar staff: compliance flags first (the live evaluation against the
 * registrar's thresholds), the recorded findings, then activity, money, open abuse reports (admins act
 * on them here), suspensions, and the compliance report's downloads. The figures come from one
 * read-only service.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm } from "@/components/action-form";
import { Card, DetailList } from "@/components/card";
import { DataTable, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { formatMoney } from "@/lib/money";
import { CATEGORY_WORDS } from "@/server/abuse/abuse-mail";
import { addDays, platformNow } from "@/server/domains/lifecycle/clock";
import { ENTRY_KINDS } from "@/server/billing/list-statement";
import { isAppError } from "@/server/errors";
import { getResellerHealth } from "@/server/reseller-health/reseller-health";
import { listResellerFindings } from "@/server/reseller-health/findings";
import { FindingsTable } from "../../../health/_components/findings-table";
import { loadRegistrar } from "../../../_lib/registrar-session";
import { actOnAbuseReportAsRegistrar } from "../../../abuse/actions";
import { evaluateHealthNowAsRegistrar } from "../../../health/actions";
import { ReportStatus, Timer } from "../../../abuse/_components/report-bits";

export const metadata: Metadata = { title: "Reseller health" };

export default async function ResellerHealthPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, canWrite } = await loadRegistrar();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const health = await getResellerHealth(ctx, id.data).catch((e: unknown) =>
    isAppError(e) && e.code === "NOT_FOUND" ? null : Promise.reject(e),
  );
  if (!health) notFound();
  const findings = (await listResellerFindings(ctx, id.data)).slice(0, 50);
  const { reseller, activity, money, abuse, suspensions, agreement, flags } = health;
  const fmt = (n: number) => formatMoney(n, money.currency);
  const now = platformNow();
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const reportBase = `/registrar/resellers/${reseller.id}/health`;
  const act = (reportId: string, action: string, label: string, variant: "primary" | "secondary" | "danger") => (
    <ActionForm
      action={actOnAbuseReportAsRegistrar}
      hidden={{ reportId, action }}
      submitLabel={label}
      variant={variant}
      layout="inline"
    />
  );
  return (
    <>
      <PageHeader
        title={`${reseller.displayName}: health`}
        description="Activity, money, abuse and compliance over the last 30 and 90 days."
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href={`/registrar/resellers/${reseller.id}`}>
            Reseller details
          </Link>
        }
      />
      <section aria-labelledby="flags" className="mb-6">
        <h2 id="flags" className="mb-2 text-lg font-semibold text-slate-900">
          Compliance flags
        </h2>
        {flags.length === 0 ? (
          <Notice tone="success" role="status">
            No figure crosses its threshold.
          </Notice>
        ) : (
          <Notice tone="warning" title={`${flags.length} finding${flags.length === 1 ? "" : "s"}`} role="status">
            <ul className="list-disc pl-5">
              {flags.map((f) => (
                <li key={f.key}>{f.words}</li>
              ))}
            </ul>
          </Notice>
        )}
        <p className="mt-2 text-sm text-slate-700">
          Measured now against the{" "}
          <Link className="text-indigo-700 underline" href="/registrar/health/thresholds">
            thresholds
          </Link>{" "}
          the registrar set.
        </p>
      </section>
      <Card
        title="Findings"
        className="mb-6"
        description="Recorded by the daily evaluation; newest first."
        actions={
          canWrite ? (
            <ActionForm
              action={evaluateHealthNowAsRegistrar}
              hidden={{ resellerId: reseller.id }}
              submitLabel="Evaluate now"
              success="Evaluated: findings are up to date."
              variant="secondary"
              layout="inline"
              idPrefix="evaluate"
            />
          ) : undefined
        }
      >
        {findings.length === 0 ? (
          <p className="text-sm text-slate-700">No finding has been recorded for this reseller.</p>
        ) : (
          <FindingsTable findings={findings} canWrite={canWrite} caption="Recorded findings" showReseller={false} />
        )}
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Activity">
          <DetailList
            items={[
              { label: "Names under management", value: activity.names },
              { label: "Registered (30 days)", value: activity.registered30 },
              { label: "Renewed (30 days)", value: activity.renewals30 },
              { label: "Transferred out (90 days)", value: activity.transfersOut90 },
              { label: "Order items failed (30 days)", value: `${activity.failed30} of ${activity.finished30}` },
              { label: "Items waiting for a person", value: activity.parked },
            ]}
          />
        </Card>
        <Card title="Money">
          <DetailList
            items={[
              { label: "Available", value: fmt(money.balance.available) },
              { label: "Held for orders", value: fmt(money.balance.held) },
              { label: "Credit limit", value: fmt(money.balance.creditLimit) },
            ]}
          />
          <div className="mt-4">
            <DataTable caption="Recent ledger lines" headers={["When", "What", "Amount", "Balance after"]}>
              {money.statement.map((l) => (
                <tr key={l.lineId}>
                  <Td>
                    <DateTime value={l.at} />
                  </Td>
                  <Td>{ENTRY_KINDS[l.kind] ?? l.kind}</Td>
                  <Td>{fmt(l.amount)}</Td>
                  <Td>{fmt(l.balanceAfter)}</Td>
                </tr>
              ))}
            </DataTable>
          </div>
        </Card>
        <Card title="Suspensions and verification">
          <DetailList
            items={[
              { label: "Reseller status", value: <StatusBadge status={reseller.status} /> },
              ...(reseller.suspendReason ? [{ label: "Suspension reason", value: reseller.suspendReason }] : []),
              { label: "Names on abuse hold", value: suspensions.abuseHolds },
              { label: "Names on WAPS hold", value: suspensions.wapsHolds },
              { label: "Contacts past verification deadline", value: suspensions.unverified },
              {
                label: "Agreement",
                value:
                  agreement.state === "none"
                    ? "No version published"
                    : agreement.state === "accepted"
                      ? `Version ${agreement.version} accepted by ${agreement.acceptedByEmail}`
                      : `Version ${agreement.version} not accepted (${agreement.state})`,
              },
            ]}
          />
        </Card>
        <Card title="Abuse">
          <DetailList
            items={[
              { label: "Reports (90 days)", value: abuse.reports90 },
              { label: "Per 10,000 names", value: abuse.per10k },
              { label: "Open reports", value: abuse.open.length },
            ]}
          />
        </Card>
      </div>
      <Card title="Open abuse reports" className="mt-6">
        {abuse.open.length === 0 ? (
          <p className="text-sm text-slate-700">No open abuse reports.</p>
        ) : (
          <DataTable
            caption="Open abuse reports"
            headers={["Report", "Domain", "Status", "Review", "Action", canWrite ? "" : "Opened"]}
          >
            {abuse.open.map((r) => (
              <tr key={r.id}>
                <Td>
                  <Link className="font-medium text-indigo-700 underline" href={`/registrar/abuse/${r.id}`}>
                    {r.reference}
                  </Link>{" "}
                  {CATEGORY_WORDS[r.category]}
                </Td>
                <Td>{r.domainName}</Td>
                <Td>
                  <ReportStatus status={r.status} />
                </Td>
                <Td>
                  <Timer due={r.acknowledgeBy} doneAt={r.acknowledgedAt} now={now} />
                </Td>
                <Td>
                  <Timer due={r.actionBy} doneAt={r.actionedAt} now={now} />
                </Td>
                <Td>
                  {canWrite ? (
                    <div className="flex flex-wrap gap-2">
                      {!r.acknowledgedAt && act(r.id, "acknowledge", `Acknowledge ${r.reference}`, "primary")}
                      {r.domainId && act(r.id, "notify_reseller", "Tell the reseller", "secondary")}
                      {r.domainId &&
                        (r.holdOpen
                          ? act(r.id, "lift_hold", "Lift the suspension", "secondary")
                          : act(r.id, "client_hold", `Suspend ${r.domainName}`, "danger"))}
                    </div>
                  ) : (
                    <DateTime value={r.receivedAt} />
                  )}
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      <Card
        title="Compliance report"
        className="mt-6"
        description="Figures, findings, abuse reports, data requests and agreement acceptance for a period (UTC dates, at most a year)."
      >
        <form method="get" action={`${reportBase}/report.csv`} className="flex flex-wrap items-end gap-3">
          <label className="text-sm text-slate-800">
            From{" "}
            <input
              type="date"
              name="from"
              defaultValue={day(addDays(now, -90))}
              required
              className="rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <label className="text-sm text-slate-800">
            To{" "}
            <input
              type="date"
              name="to"
              defaultValue={day(now)}
              required
              className="rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <button type="submit" className="rounded bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white">
            Download CSV
          </button>
          <button
            type="submit"
            formAction={`${reportBase}/report.pdf`}
            className="rounded border border-indigo-700 px-3 py-1.5 text-sm font-medium text-indigo-700"
          >
            Download PDF
          </button>
        </form>
      </Card>
    </>
  );
}
