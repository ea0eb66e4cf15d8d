/**
 * One reseller's health for registrar staff (RAA 3.12: the registrar stays responsible for what its
 * resellers sell): activity, money, open abuse reports, suspensions, and the compliance flags raised
 * when a figure crosses its threshold. Read-only; staff act from the page through the abuse actions.
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
import { HEALTH_THRESHOLDS, type HealthFlag } from "./health-thresholds";

const UNDER_MANAGEMENT = ["active", "expired", "pending_transfer_out"] as const;

export async function getResellerHealth(ctx: ActorContext, resellerId: string) {
  requireRegistrarReader(ctx);
  const reseller = await db.reseller.findUnique({
    where: { id: resellerId },
    select: { id: true, displayName: true, status: true, suspendedAt: true, suspendReason: true },
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

  const t = HEALTH_THRESHOLDS;
  const flags: HealthFlag[] = [];
  if (reseller.status !== "active") flags.push({ key: "suspended", words: `The reseller is ${reseller.status}.` });
  if (abuseRate > t.abusePer10k)
    flags.push({
      key: "abuse_rate",
      words: `${abuseRate} abuse reports per 10,000 names in 90 days (threshold ${t.abusePer10k}).`,
    });
  if (overdueReports > 0)
    flags.push({ key: "abuse_overdue", words: `${overdueReports} open abuse reports are past a 24-hour timer.` });
  if (unverified > t.unverifiedContacts)
    flags.push({
      key: "unverified_contacts",
      words: `${unverified} registrant contacts are past their 15-day verification deadline (WAPS).`,
    });
  if (parked > t.parkedItems) flags.push({ key: "parked_items", words: `${parked} order items wait for a person.` });
  if (finished >= t.minItemsForFailureRate && failureRate > t.failurePercent)
    flags.push({
      key: "failure_rate",
      words: `${failureRate} % of the order items finished in 30 days failed (threshold ${t.failurePercent} %).`,
    });
  if (balance.available < 0)
    flags.push({ key: "negative_balance", words: "The available balance is negative: the reseller is using credit." });
  if (agreement.state === "overdue")
    flags.push({
      key: "agreement_overdue",
      words: `Agreement version ${agreement.version} is overdue for acceptance.`,
    });

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
    flags,
  };
}

export type ResellerHealth = Awaited<ReturnType<typeof getResellerHealth>>;
