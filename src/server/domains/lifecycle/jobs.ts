/** The domain lifecycle's job definitions, spread into the worker's list in jobs/definitions.ts. */
import type { JobDefinition } from "@/server/jobs/definitions";
import { runBulkJob } from "../bulk/run-bulk-job";
import { retryRenewalItem } from "../manage/fulfil-renewal";
import { BULK_JOB, RENEWAL_RETRY_JOB } from "./job-names";
import { processPollMessages } from "../poll/process-poll-messages";
import { runReconciliation } from "../reconcile/run-reconciliation";
import { runLifecycleSweep } from "./run-lifecycle-sweep";

export const domainLifecycleJobs: JobDefinition[] = [
  {
    name: "domains.lifecycle-sweep",
    cron: "15 2 * * *",
    retryLimit: 1,
    handler: async () => void (await runLifecycleSweep()),
  },
  {
    name: "domains.poll-messages",
    cron: "*/5 * * * *",
    retryLimit: 1,
    handler: async () => void (await processPollMessages()),
  },
  {
    name: "domains.reconcile",
    cron: "45 3 * * *",
    retryLimit: 1,
    handler: async () => void (await runReconciliation()),
  },
  { name: BULK_JOB, retryLimit: 2, handler: async (data) => runBulkJob((data as { bulkJobId: string }).bulkJobId) },
  {
    name: RENEWAL_RETRY_JOB,
    retryLimit: 8,
    handler: async (data) => retryRenewalItem(data as { itemId: string; kind?: string }),
  },
];
