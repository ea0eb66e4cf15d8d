/**
 * The daily lifecycle sweep, on our clock and the registry's answers (docs/decisions/056):
 * 1. auto-renew names due within the lead time (funded from the reseller's balance);
 * 2. names past expiry become `expired` (the registry has auto-renewed them into its 45-day grace);
 * 3. ERRP notices (30 and 7 days before, within 5 days after);
 * 4. names not renewed by the end of the grace are deleted at the registry (the registry refunds its
 *    auto-renewal) and enter redemption; redemption runs out into pendingDelete; purged names are released;
 * 5. pending transfers out past their deadline are asked about (the poll normally tells us first).
 * Every step selects through the (state, expiresAt) index in batches, so a sweep over 200,000 names
 * costs only the names that are due.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import type { Domain } from "@/generated/prisma/client";
import { autoRenewDomain } from "./auto-renew-domain";
import { addDays, platformNow } from "../lifecycle/clock";
import { LIFECYCLE } from "../lifecycle/policy";
import { sendRenewalNotices } from "./renewal-notices";
import { expireGrace, finishRedemption, releasePurged, settleOverdueTransfers } from "./sweep-steps";

export type SweepReport = Record<string, number>;

const BATCH = 500;

async function due(where: object, limit = BATCH): Promise<Domain[]> {
  return db.domain.findMany({ where, orderBy: [{ expiresAt: "asc" }, { id: "asc" }], take: limit });
}

export async function runLifecycleSweep(now: Date = platformNow()): Promise<SweepReport> {
  const report: SweepReport = {
    autoRenewed: 0,
    autoRenewUnfunded: 0,
    autoRenewFailed: 0,
    expired: 0,
    notices: 0,
    deletedAfterGrace: 0,
    pendingDelete: 0,
    released: 0,
    transfersSettled: 0,
  };

  // 1. Auto-renew: active or expired (still in grace), auto-renew on, due within the lead time.
  const retryBefore = addDays(now, -0.8);
  const renewals = await due(
    {
      state: { in: ["active", "expired"] },
      autoRenew: true,
      expiresAt: {
        lte: addDays(now, LIFECYCLE.autoRenewLeadDays),
        gt: addDays(now, -LIFECYCLE.autoRenewGraceDays + 1),
      },
    },
    5_000,
  );
  const tried = new Set(
    (
      await db.domainLifecycle.findMany({
        where: { domainId: { in: renewals.map((d) => d.id) }, autoRenewTriedAt: { gt: retryBefore } },
        select: { domainId: true },
      })
    ).map((l) => l.domainId),
  );
  for (const d of renewals) {
    if (tried.has(d.id)) continue;
    const outcome = await autoRenewDomain(d, now);
    if (outcome === "renewed") report.autoRenewed++;
    else if (outcome === "unfunded") report.autoRenewUnfunded++;
    else if (outcome === "failed") report.autoRenewFailed++;
  }

  // 2. Expiry: the registry auto-renews at expiry and opens its grace; for us the name is expired.
  for (
    let batch = await due({ state: "active", expiresAt: { lte: now } });
    batch.length;
    batch = await due({ state: "active", expiresAt: { lte: now } })
  ) {
    for (const d of batch) {
      await db.$transaction(async (tx) => {
        await tx.domain.update({ where: { id: d.id }, data: { state: "expired" } });
        await tx.domainLifecycle.upsert({
          where: { domainId: d.id },
          create: {
            domainId: d.id,
            resellerId: d.resellerId,
            expiredAt: d.expiresAt,
            graceEndsAt: addDays(d.expiresAt ?? now, LIFECYCLE.autoRenewGraceDays),
          },
          update: { expiredAt: d.expiresAt, graceEndsAt: addDays(d.expiresAt ?? now, LIFECYCLE.autoRenewGraceDays) },
        });
        await recordAudit(tx, systemContext(d.resellerId), {
          action: "domain.expired",
          entity: "domain",
          entityId: d.id,
          resellerId: d.resellerId,
          before: { state: "active" },
          after: { state: "expired", expiresAt: d.expiresAt },
        });
      });
      report.expired++;
    }
  }

  // 3. ERRP notices.
  for (const kind of ["before_30_days", "before_7_days", "after_expiry"] as const)
    report.notices += await sendRenewalNotices(kind, now);

  // 4. End of grace, redemption, release. 5. Overdue transfers.
  report.deletedAfterGrace = await expireGrace(now);
  report.pendingDelete = await finishRedemption(now);
  report.released = await releasePurged(now);
  report.transfersSettled = await settleOverdueTransfers(now);
  return report;
}
