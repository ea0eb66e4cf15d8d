/**
 * Watches launch phases on the registry's clock. Each pass (every minute, or the sweep cadence) plans
 * from the launch calendar which TLDs to ask about (watch-plan.ts): near a published phase start it
 * looks every few seconds for the rest of the pass, so a start is seen within seconds; away from one,
 * a slow safety look; with nothing waiting, nothing is sent. Each look sends the pre-orders of TLDs
 * now open to everyone (submit-preorders.ts) and mails expressions of interest in TLDs that entered a
 * new phase (notify-interests.ts).
 */
import { z } from "zod";
import { setTimeout as sleepFor } from "node:timers/promises";
import { defineJob } from "@/server/jobs/define-job";
import { sweepIntervalMs } from "@/server/jobs/sweep-cadence";
import { submitOpenPreorders } from "./submit-preorders";
import { planWatch } from "./watch-plan";
import { notifyInterests } from "@/server/launch/interest/notify-interests";

const LOOK_EVERY_MS = 5_000;
/** A pass leaves this much of its interval free, so it ends before the next pass starts. */
const PASS_MARGIN_MS = 10_000;

/**
 * One look at the given TLDs (every watched TLD when absent): pre-orders first (money is waiting on
 * them), then the mails. True when anything still waits.
 */
export async function watchPhaseStartsOnce(opts: { tlds?: string[]; now?: Date } = {}): Promise<boolean> {
  const submitted = await submitOpenPreorders({ tlds: opts.tlds, now: opts.now });
  const mailed = await notifyInterests({ tlds: opts.tlds });
  return submitted.tlds.length > 0 || mailed.watching > 0;
}

export type WatchClock = { now: () => Date; sleep: (ms: number) => Promise<void> };

const realClock: WatchClock = { now: () => new Date(), sleep: (ms) => sleepFor(ms) };

/** One pass of the job; the clock is the tests' to move. Returns the TLDs looked at, look by look. */
export async function watchPass(clock: WatchClock = realClock): Promise<string[][]> {
  const started = clock.now().getTime();
  const plan = await planWatch(clock.now());
  const first = [...plan.near, ...plan.safety];
  if (!first.length) return [];
  const looks = [first];
  let waiting = await watchPhaseStartsOnce({ tlds: first, now: clock.now() });
  const until = started + sweepIntervalMs() - PASS_MARGIN_MS;
  while (waiting && plan.near.length && clock.now().getTime() + LOOK_EVERY_MS < until) {
    await clock.sleep(LOOK_EVERY_MS);
    looks.push(plan.near);
    waiting = await watchPhaseStartsOnce({ tlds: plan.near, now: clock.now() });
  }
  return looks;
}

export const watchPhaseStartsJob = defineJob({
  name: "launch.watch-phase-starts",
  payload: z.object({}),
  cron: "* * * * *",
  retry: { limit: 0 },
  expireInSeconds: 120,
  handler: async () => {
    await watchPass();
  },
});
