/**
 * Which TLDs a pass of the phase watcher asks the registry about, from the launch calendar the
 * catalogue keeps (decision 122). EPP says only which phase a TLD is in now, so the platform asks; the
 * published dates say when there is anything to see:
 * - **near a start** (from two minutes before a published phase start to ten after), or while a
 *   pre-order's retry is due: every look of the pass;
 * - **otherwise** one safety look per `LAUNCH_WATCH_SAFETY_SECONDS` (a registry that moved its plan,
 *   a TLD without published dates, a registry clock that is not ours): the pass that falls in the
 *   first sweep interval of each period;
 * - nothing waiting (no pre-order, no interest to tell): nothing.
 */
import { env } from "@/env";
import { db } from "@/server/db";
import { sweepIntervalMs } from "@/server/jobs/sweep-cadence";
import { launchPhaseSchema } from "@/server/launch/views/launch-calendar";
import { z } from "zod";

const BEFORE_START_MS = 2 * 60_000;
const AFTER_START_MS = 10 * 60_000;

export type WatchPlan = {
  /** TLDs near a phase start, or with a retry due: looked at every few seconds. */
  near: string[];
  /** TLDs looked at once now, as the period's safety look. */
  safety: string[];
};

const phasesSchema = z.object({ launch: z.object({ phases: z.array(launchPhaseSchema) }) });

/** The TLDs something waits on, with their published phase starts. */
async function watched() {
  const [preorders, interests] = await Promise.all([
    db.$queryRaw<{ tld: string; retrying: boolean }[]>`
      select p.code as tld, bool_or(coalesce((i.details->>'tries')::int, 0) > 0) as retrying
        from "OrderItem" i join "Product" p on p.id = i."productId"
       where i.kind = 'pre_registration' and i.state = 'pending_registry'
       group by p.code`,
    db.launchInterest.findMany({
      where: { NOT: { notifiedPhases: { has: "open" } } },
      distinct: ["tld"],
      select: { tld: true },
    }),
  ]);
  const tlds = new Set([...preorders.map((p) => p.tld), ...interests.map((i) => i.tld)]);
  const products = await db.product.findMany({
    where: { code: { in: [...tlds] } },
    select: { code: true, details: true },
  });
  const starts = new Map(
    products.map((p) => {
      const parsed = phasesSchema.safeParse(p.details);
      return [p.code, parsed.success ? parsed.data.launch.phases.map((ph) => Date.parse(ph.startsAt)) : []];
    }),
  );
  const retrying = new Set(preorders.filter((p) => p.retrying).map((p) => p.tld));
  return [...tlds].map((tld) => ({ tld, starts: starts.get(tld) ?? [], retrying: retrying.has(tld) }));
}

export async function planWatch(now: Date): Promise<WatchPlan> {
  const t = now.getTime();
  const safetyMs = env().LAUNCH_WATCH_SAFETY_SECONDS * 1000;
  const safetyPass = t % safetyMs < sweepIntervalMs();
  const plan: WatchPlan = { near: [], safety: [] };
  for (const w of await watched()) {
    const nearStart = w.starts.some((s) => t >= s - BEFORE_START_MS && t <= s + AFTER_START_MS);
    if (nearStart || w.retrying) plan.near.push(w.tld);
    else if (safetyPass) plan.safety.push(w.tld);
  }
  return plan;
}
