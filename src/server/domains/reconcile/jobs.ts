/** The nightly comparison of our domain rows with the registry's objects. */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { runReconciliation } from "./run-reconciliation";

export const reconcileJob = defineJob({
  name: "domains.reconcile",
  payload: z.object({}),
  cron: "45 3 * * *",
  retry: { limit: 1 },
  handler: async () => void (await runReconciliation()),
});
