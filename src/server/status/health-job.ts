/**
 * Every five minutes the worker checks each component and records one sample per component; the
 * status page reads the newest. A component that turns to an outage gets an incident draft for staff
 * in the same transaction (decision 128). Samples older than the status page's window are deleted on the way.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { defineJob } from "@/server/jobs/define-job";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { checkComponents, type CheckResult } from "./check-components";
import { listComponents } from "./components";
import { draftIncidentsForOutages, previousStates } from "./outage-drafts";
import { SAMPLE_STALE_MS } from "./status-overview";

export const SAMPLE_RETENTION_MS = 14 * 86_400_000;

export async function runHealthChecks(now: Date = platformNow()): Promise<CheckResult[]> {
  const results = await checkComponents(now);
  const labels = new Map((await listComponents().catch(() => [])).map((c) => [c.key, c.label]));
  await db.$transaction(async (tx) => {
    // Read before this run's samples go in: a turn is measured against the last run within the window.
    const previous = await previousStates(tx, new Date(now.getTime() - SAMPLE_STALE_MS), now);
    await tx.componentHealthSample.createMany({ data: results.map((r) => ({ ...r, checkedAt: now })) });
    await draftIncidentsForOutages(tx, results, previous, labels, now);
    await tx.componentHealthSample.deleteMany({
      where: { checkedAt: { lt: new Date(now.getTime() - SAMPLE_RETENTION_MS) } },
    });
  });
  return results;
}

export const healthChecksJob = defineJob({
  name: "status.health-checks",
  payload: z.object({}),
  cron: "*/5 * * * *",
  // The next run is five minutes away; a retry would only record an older picture.
  retry: { limit: 0 },
  expireInSeconds: 120,
  handler: async () => void (await runHealthChecks()),
});
