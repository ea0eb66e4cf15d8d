/**
 * Watches launch phases on the registry's clock: every minute, and every few seconds within that
 * minute while anything waits, so a phase's start is seen within seconds. Each look sends the
 * pre-orders of TLDs now open to everyone (submit-preorders.ts) and mails expressions of interest in
 * TLDs that entered a new phase (notify-interests.ts).
 */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { submitOpenPreorders } from "./submit-preorders";
import { notifyInterests } from "@/server/launch/interest/notify-interests";

const LOOK_EVERY_MS = 5_000;
const LOOK_FOR_MS = 50_000;

/** One look: pre-orders first (money is waiting on them), then the mails. True when anything still waits. */
export async function watchPhaseStartsOnce(): Promise<boolean> {
  const submitted = await submitOpenPreorders();
  const mailed = await notifyInterests();
  return submitted.tlds.length > 0 || mailed.watching > 0;
}

export const watchPhaseStartsJob = defineJob({
  name: "launch.watch-phase-starts",
  payload: z.object({}),
  cron: "* * * * *",
  retry: { limit: 0 },
  expireInSeconds: 120,
  handler: async () => {
    const until = Date.now() + LOOK_FOR_MS;
    while ((await watchPhaseStartsOnce()) && Date.now() + LOOK_EVERY_MS < until)
      await new Promise((r) => setTimeout(r, LOOK_EVERY_MS));
  },
});
