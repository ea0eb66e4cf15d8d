/** The nightly lifecycle sweep (renewal notices, auto-renewals, expiry and deletion windows). */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { runLifecycleSweep } from "./run-lifecycle-sweep";

export const lifecycleSweepJob = defineJob({
  name: "domains.lifecycle-sweep",
  payload: z.object({}),
  cron: "15 2 * * *",
  retry: { limit: 1 },
  handler: async () => void (await runLifecycleSweep()),
});
