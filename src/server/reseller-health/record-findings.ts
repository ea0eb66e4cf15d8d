/**
 * Findings are the recorded side of the health flags (decision 115): the daily evaluation opens one
 * when a figure crosses its threshold (once: a partial unique index allows one open finding per
 * reseller and figure), keeps its latest value while it stays crossed, and closes it when the figure is
 * back within the threshold or no longer watched. A figure that cannot be measured now leaves it be.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { defineJob } from "@/server/jobs/define-job";
import { sandboxResellerIds } from "@/server/live-tenants";
import { platformNow } from "@/server/domains/lifecycle/clock";
import type { Evaluation } from "./evaluate-figures";
import { getResellerHealth } from "./reseller-health";
import { limitsFor, loadThresholdTable, type ThresholdTable } from "./threshold-settings";

export type FindingChanges = { opened: number; updated: number; closed: number };

export async function recordFindings(resellerId: string, evaluations: Evaluation[], now = platformNow()) {
  const changes: FindingChanges = { opened: 0, updated: 0, closed: 0 };
  const open = new Map(
    (await db.healthFinding.findMany({ where: { resellerId, closedAt: null } })).map((f) => [f.metric, f]),
  );
  const system = systemContext(null);
  for (const e of evaluations) {
    if (e.value === null) continue;
    const finding = open.get(e.metric);
    if (e.crossed && e.limit !== null && !finding) {
      await db.$transaction(async (tx) => {
        // A concurrent evaluation may have opened it first: the unique index makes this a no-op then.
        const [row] = await tx.$queryRaw<{ id: string }[]>`
          insert into "HealthFinding" (id, "resellerId", metric, "openedAt", "openedValue", "limit", "lastValue", "lastEvaluatedAt")
          values (gen_random_uuid()::text, ${resellerId}, ${e.metric}, ${now}, ${e.value}, ${e.limit}, ${e.value}, ${now})
          on conflict do nothing returning id`;
        if (!row) return;
        changes.opened++;
        await recordAudit(tx, system, {
          action: "health_finding.open",
          entity: "health_finding",
          entityId: row.id,
          resellerId: null,
          after: { resellerId, metric: e.metric, value: e.value, limit: e.limit },
        });
      });
    } else if (e.crossed && e.limit !== null && finding) {
      await db.healthFinding.update({
        where: { id: finding.id },
        data: { lastValue: e.value, limit: e.limit, lastEvaluatedAt: now },
      });
      changes.updated++;
    } else if (!e.crossed && finding) {
      await db.$transaction(async (tx) => {
        const closed = await tx.healthFinding.updateMany({
          where: { id: finding.id, closedAt: null },
          data: { closedAt: now, closedValue: e.value, lastValue: e.value ?? finding.lastValue, lastEvaluatedAt: now },
        });
        if (closed.count === 0) return;
        changes.closed++;
        await recordAudit(tx, system, {
          action: "health_finding.close",
          entity: "health_finding",
          entityId: finding.id,
          resellerId: null,
          after: { resellerId, metric: e.metric, value: e.value, limit: e.limit },
        });
      });
    }
  }
  return changes;
}

/** One reseller against the threshold table: its live evaluation, recorded. */
export async function evaluateReseller(resellerId: string, table: ThresholdTable, now = platformNow()) {
  const health = await getResellerHealth(systemContext(null), resellerId, limitsFor(table, resellerId));
  return recordFindings(resellerId, health.evaluations, now);
}

/** Every live reseller (not closed, not an API sandbox's shadow), with the threshold table read once. */
export async function evaluateAllResellers(now = platformNow()): Promise<FindingChanges & { resellers: number }> {
  const table = await loadThresholdTable();
  const shadows = await sandboxResellerIds();
  const resellers = await db.reseller.findMany({
    where: { status: { not: "closed" }, id: { notIn: shadows } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const total = { opened: 0, updated: 0, closed: 0, resellers: resellers.length };
  const failures: unknown[] = [];
  for (const r of resellers) {
    try {
      const c = await evaluateReseller(r.id, table, now);
      total.opened += c.opened;
      total.updated += c.updated;
      total.closed += c.closed;
    } catch (e) {
      // One reseller's failure must not leave every later reseller unevaluated for a day.
      failures.push(e);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} resellers could not be evaluated`);
  return total;
}

export const evaluateResellerHealthJob = defineJob({
  name: "reseller-health.evaluate",
  payload: z.object({}),
  cron: "23 4 * * *",
  retry: { limit: 1, delaySeconds: 600 },
  expireInSeconds: 3600,
  handler: async () => void (await evaluateAllResellers()),
});
