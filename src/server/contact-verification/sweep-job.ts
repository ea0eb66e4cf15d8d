/** The WAPS sweep every minute: verification lifts a hold within minutes even if the immediate try failed. */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { runVerificationSweep } from "./run-verification-sweep";

export const contactVerificationSweepJob = defineJob({
  name: "contact-verification.sweep",
  payload: z.object({}),
  cron: "* * * * *",
  retry: { limit: 0 },
  handler: async () => void (await runVerificationSweep()),
});
