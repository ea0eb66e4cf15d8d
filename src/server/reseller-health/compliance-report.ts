/**
 * The compliance report for one reseller over a chosen period (decision 115): the health figures of
 * the period, the current evaluation against the thresholds, the findings whose life touched the
 * period, abuse reports received in it and their outcomes, data requests and their answers, and the
 * reseller's agreement acceptances. Registrar staff only; the CSV and PDF are two renderings of this.
 * Reporters' and requesters' names and addresses stay out: the report travels, personal data need not.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { requireRegistrarReader } from "@/server/tenancy/guards";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { formatMoney } from "@/lib/money";
import { per10k } from "@/server/abuse/abuse-rates";
import { CATEGORY_WORDS } from "@/server/abuse/abuse-mail";
import { resellerAccount } from "@/server/billing/accounts";
import { getResellerHealth } from "./reseller-health";
import { listResellerFindings } from "./findings";
import { showFigure } from "./evaluate-figures";
import { HEALTH_METRICS } from "./health-thresholds";

const UNDER_MANAGEMENT = ["active", "expired", "pending_transfer_out"] as const;
const FAILED = ["failed", "refunded", "refunding"] as const;

export type ReportFigure = { label: string; value: string };

export async function buildComplianceReport(ctx: ActorContext, resellerId: string, period: { from: Date; to: Date }) {
  requireRegistrarReader(ctx);
  // Throws NOT_FOUND for an unknown reseller before anything else is read.
  const health = await getResellerHealth(ctx, resellerId);
  const { reseller } = health;
  const currency = health.money.currency;
  const { from, to } = period;
  const inPeriod = { gte: from, lt: to };
  const account = resellerAccount("reseller_available", resellerId, currency).id;
  const [
    registered,
    renewed,
    transfersOut,
    finished,
    failed,
    abuseReports,
    dataRequests,
    acceptances,
    [balances],
    findings,
  ] = await Promise.all([
    db.domain.count({ where: { resellerId, registeredAt: inPeriod } }),
    db.orderItem.count({ where: { resellerId, kind: "domain_renew", state: "completed", updatedAt: inPeriod } }),
    db.domain.count({ where: { resellerId, state: "transferred_away", updatedAt: inPeriod } }),
    db.orderItem.count({
      where: { resellerId, createdAt: inPeriod, state: { in: ["completed", ...FAILED] } },
    }),
    db.orderItem.count({ where: { resellerId, createdAt: inPeriod, state: { in: [...FAILED] } } }),
    db.abuseReport.findMany({
      where: { resellerId, receivedAt: inPeriod },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      select: {
        reference: true,
        category: true,
        domainName: true,
        status: true,
        receivedAt: true,
        acknowledgedAt: true,
        actionedAt: true,
        closedAt: true,
        outcome: true,
        fromAuthority: true,
        actions: { select: { kind: true }, orderBy: { at: "asc" } },
      },
    }),
    db.dataRequest.findMany({
      where: { resellerId, receivedAt: inPeriod, status: { not: "awaiting_confirmation" } },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      select: {
        reference: true,
        kind: true,
        status: true,
        receivedAt: true,
        acknowledgedAt: true,
        answerBy: true,
        answeredAt: true,
        decisionReason: true,
      },
    }),
    db.resellerAgreementAcceptance.findMany({
      where: { resellerId },
      orderBy: { acceptedAt: "asc" },
      select: { versionId: true, acceptedAt: true, acceptedByEmail: true },
    }),
    db.$queryRaw<{ opening: bigint | null; closing: bigint | null }[]>`
      select (select sum(l.amount) from "JournalLine" l join "JournalEntry" e on e.id = l."entryId"
                where l."accountId" = ${account} and e."createdAt" < ${from}) as opening,
             (select sum(l.amount) from "JournalLine" l join "JournalEntry" e on e.id = l."entryId"
                where l."accountId" = ${account} and e."createdAt" < ${to}) as closing`,
    listResellerFindings(ctx, resellerId, period),
  ]);
  const [names, versions] = await Promise.all([
    db.domain.count({ where: { resellerId, state: { in: [...UNDER_MANAGEMENT] } } }),
    db.resellerAgreementVersion.findMany({
      where: { id: { in: acceptances.map((a) => a.versionId) } },
      select: { id: true, version: true, title: true },
    }),
  ]);
  const versionOf = new Map(versions.map((v) => [v.id, v]));
  const money = (minor: bigint | null) => formatMoney(Number(minor ?? 0), currency);
  const days = Math.round((to.getTime() - from.getTime()) / 86_400_000);

  const figures: ReportFigure[] = [
    { label: "Names under management (now)", value: String(names) },
    { label: "Names registered", value: String(registered) },
    { label: "Renewals completed", value: String(renewed) },
    { label: "Names transferred out", value: String(transfersOut) },
    { label: "Order items finished", value: String(finished) },
    { label: "Order items failed", value: String(failed) },
    { label: "Abuse reports received", value: String(abuseReports.length) },
    // Scaled to a 90-day window, so the figure compares with the abuse-rate threshold.
    {
      label: "Abuse reports per 10,000 names (per 90 days)",
      value: String(days === 0 ? 0 : Math.round(per10k(abuseReports.length, names) * (90 / days) * 10) / 10),
    },
    { label: "Data requests received", value: String(dataRequests.length) },
    { label: "Available balance at the start", value: money(balances?.opening ?? null) },
    { label: "Available balance at the end", value: money(balances?.closing ?? null) },
  ];
  const evaluation = health.evaluations.map((e) => ({
    label: HEALTH_METRICS[e.metric].label,
    value: e.value === null ? "not measurable" : showFigure(e.metric, e.value, currency),
    limit: e.limit === null ? "not watched" : showFigure(e.metric, e.limit, currency),
    crossed: e.crossed,
  }));
  return {
    reseller: { id: reseller.id, name: reseller.displayName, status: reseller.status, currency },
    period: { from, to },
    generatedAt: platformNow(),
    figures,
    evaluation,
    findings: findings.map((f) => ({
      label: f.label,
      words: f.words,
      openedAt: f.openedAt,
      state: f.closedAt ? "closed" : f.acknowledgedAt ? "acknowledged" : "open",
      acknowledgedAt: f.acknowledgedAt,
      acknowledgedBy: f.acknowledgedByEmail,
      note: f.acknowledgeNote,
      closedAt: f.closedAt,
    })),
    abuseReports: abuseReports.map((r) => ({
      reference: r.reference,
      category: CATEGORY_WORDS[r.category],
      domainName: r.domainName,
      fromAuthority: r.fromAuthority,
      status: r.status,
      receivedAt: r.receivedAt,
      acknowledgedAt: r.acknowledgedAt,
      actionedAt: r.actionedAt,
      closedAt: r.closedAt,
      actions: r.actions.map((a) => a.kind),
      outcome: r.outcome ?? "",
    })),
    dataRequests: dataRequests.map((d) => ({
      ...d,
      onTime: d.answeredAt && d.answerBy ? d.answeredAt <= d.answerBy : null,
      decisionReason: d.decisionReason ?? "",
    })),
    agreement: {
      standing: health.agreement,
      acceptances: acceptances.map((a) => ({
        version: versionOf.get(a.versionId)?.version ?? a.versionId,
        title: versionOf.get(a.versionId)?.title ?? "",
        acceptedAt: a.acceptedAt,
        acceptedByEmail: a.acceptedByEmail,
      })),
    },
  };
}

export type ComplianceReport = Awaited<ReturnType<typeof buildComplianceReport>>;

/** "YYYY-MM-DD" of the report's last day (its `to` is exclusive). */
export function periodWords(p: { from: Date; to: Date }): { from: string; to: string } {
  return { from: p.from.toISOString().slice(0, 10), to: new Date(p.to.getTime() - 1).toISOString().slice(0, 10) };
}
