/**
 * One reseller's health for registrar staff (RAA 3.12: the registrar stays responsible for what its
 * resellers sell): activity, money, open abuse reports, suspensions, and the compliance flags raised
 * when a figure crosses the threshold the registrar set (decision 115). Read-only: the daily
 * evaluation records findings from the same figures; staff act from the page through the abuse actions.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { requireRegistrarReader } from "@/server/tenancy/guards";
import { addDays, platformNow } from "@/server/domains/lifecycle/clock";
import { getBalance } from "@/server/billing/get-balance";
import { listStatement } from "@/server/billing/list-statement";
import { per10k } from "@/server/abuse/abuse-rates";
import { agreementStanding } from "@/server/reseller-agreements/agreement-status";
import { currencyExponent } from "@/lib/money";
import { resellerAccount } from "@/server/billing/accounts";
import { MIN_ITEMS_FOR_RATE, type HealthFlag } from "./health-thresholds";
import { evaluateFigures, findingWords, type HealthFigures } from "./evaluate-figures";
import { limitsFor, loadThresholdTable, type Limits } from "./threshold-settings";

const UNDER_MANAGEMENT = ["active", "expired", "pending_transfer_out"] as const;

const LAPSED = ["expired", "redemption", "pending_delete", "deleted"] as const;

/** `limits` lets the daily evaluation read the threshold table once for every reseller. */
export async function getResellerHealth(ctx: ActorContext, resellerId: string, limits?: Limits) {
  requireRegistrarReader(ctx);
  const reseller = await db.reseller.findUnique({
    where: { id: resellerId },
    select: { id: true, displayName: true, status: true, suspendedAt: true, suspendReason: true, currency: true },
  });
  if (!reseller) throw new AppError("NOT_FOUND");
  const now = platformNow();
  const d30 = addDays(now, -30);
  const d90 = addDays(now, -90);
  const [
    names,
    registered30,
    transfersOut90,
    items30,
    parked,
    abuse90,
    openReports,
    abuseHolds,
    wapsHolds,
    unverified,
    contacts,
    reports30,
    lapsed90,
    renewed90,
    trend30,
  ] = await Promise.all([
    db.domain.count({ where: { resellerId, state: { in: [...UNDER_MANAGEMENT] } } }),
    db.domain.count({ where: { resellerId, registeredAt: { gte: d30 } } }),
    db.domain.count({ where: { resellerId, state: "transferred_away", updatedAt: { gte: d90 } } }),
    db.orderItem.groupBy({
      by: ["kind", "state"],
      where: { resellerId, createdAt: { gte: d30 } },
      _count: { _all: true },
    }),
    db.orderItem.count({ where: { resellerId, state: "parked" } }),
    db.abuseReport.count({ where: { resellerId, receivedAt: { gte: d90 } } }),
    db.abuseReport.findMany({
      where: { resellerId, status: { not: "closed" } },
      orderBy: { receivedAt: "asc" },
      take: 50,
      select: {
        id: true,
        reference: true,
        category: true,
        domainName: true,
        domainId: true,
        status: true,
        receivedAt: true,
        acknowledgeBy: true,
        actionBy: true,
        acknowledgedAt: true,
        actionedAt: true,
      },
    }),
    db.abuseHold.count({ where: { resellerId, liftedAt: null } }),
    db.wapsHold.count({ where: { resellerId, liftedAt: null } }),
    db.contact.count({
      where: {
        resellerId,
        verifiedAt: null,
        verificationDeadline: { lt: now },
      },
    }),
    db.contact.count({ where: { resellerId } }),
    db.abuseReport.count({ where: { resellerId, receivedAt: { gte: d30 } } }),
    // Names whose expiry fell in the last 90 days and were let go; a renewed name's expiry moved on.
    db.domain.count({ where: { resellerId, state: { in: [...LAPSED] }, expiresAt: { gte: d90, lt: now } } }),
    db.orderItem.count({ where: { resellerId, kind: "domain_renew", state: "completed", updatedAt: { gte: d90 } } }),
    db.$queryRaw<{ total: bigint | null }[]>`
      select sum(l.amount) as total from "JournalLine" l join "JournalEntry" e on e.id = l."entryId"
      where l."accountId" = ${resellerAccount("reseller_available", resellerId, reseller.currency).id}
        and e."createdAt" >= ${d30}`,
  ]);
  const [balance, statement, agreement] = await Promise.all([
    getBalance(ctx, resellerId),
    listStatement(ctx, resellerId, {}, { take: 10 }),
    agreementStanding(resellerId, now),
  ]);
  const held = new Set(
    (
      await db.abuseHold.findMany({
        where: { liftedAt: null, domainId: { in: openReports.flatMap((r) => (r.domainId ? [r.domainId] : [])) } },
        select: { domainId: true },
      })
    ).map((h) => h.domainId),
  );

  const count = (pred: (k: string, s: string) => boolean) =>
    items30.filter((i) => pred(i.kind, i.state)).reduce((n, i) => n + i._count._all, 0);
  const finished = count((_, s) => ["completed", "failed", "refunded", "refunding"].includes(s));
  const failed = count((_, s) => ["failed", "refunded", "refunding"].includes(s));
  const renewals = count((k, s) => k === "domain_renew" && s === "completed");
  const failureRate = finished === 0 ? 0 : Math.round((failed / finished) * 1000) / 10;
  const abuseRate = per10k(abuse90, names);
  const overdueReports = openReports.filter(
    (r) => (!r.acknowledgedAt && r.acknowledgeBy < now) || (!r.actionedAt && r.actionBy < now),
  ).length;

  const major = (minor: number) => minor / 10 ** currencyExponent(reseller.currency);
  const figures: HealthFigures = {
    abuse_rate: abuseRate,
    abuse_overdue: overdueReports,
    complaints: reports30,
    unverified_contacts: unverified,
    unverified_share: contacts === 0 ? null : Math.round((unverified / contacts) * 1000) / 10,
    parked_items: parked,
    failure_rate: finished >= MIN_ITEMS_FOR_RATE ? failureRate : null,
    renewal_rate:
      renewed90 + lapsed90 >= MIN_ITEMS_FOR_RATE ? Math.round((renewed90 / (renewed90 + lapsed90)) * 1000) / 10 : null,
    transfers_out: transfersOut90,
    available_balance: major(balance.available),
    balance_trend: major(Number(trend30[0]?.total ?? 0)),
    agreement_overdue: agreement.state === "overdue" ? 1 : 0,
  };
  const evaluations = evaluateFigures(figures, limits ?? limitsFor(await loadThresholdTable(resellerId), resellerId));
  const flags: HealthFlag[] = [];
  // Suspension is the registrar's own decision, not a figure: shown, never a finding.
  if (reseller.status !== "active") flags.push({ key: "suspended", words: `The reseller is ${reseller.status}.` });
  for (const e of evaluations)
    if (e.crossed && e.value !== null && e.limit !== null)
      flags.push({ key: e.metric, words: findingWords(e.metric, e.value, e.limit, reseller.currency) });

  return {
    reseller,
    activity: {
      names,
      registered30,
      renewals30: renewals,
      transfersOut90,
      finished30: finished,
      failed30: failed,
      parked,
    },
    money: { balance, statement: statement.lines, currency: statement.currency },
    abuse: {
      reports90: abuse90,
      per10k: abuseRate,
      open: openReports.map((r) => ({ ...r, holdOpen: r.domainId !== null && held.has(r.domainId) })),
    },
    suspensions: { abuseHolds, wapsHolds, unverified },
    agreement,
    figures,
    evaluations,
    flags,
  };
}

export type ResellerHealth = Awaited<ReturnType<typeof getResellerHealth>>;
