/**
 * Reveal requests kept past their use. A decided request is the proof it was handled (who asked, on
 * what evidence, what we decided and why), kept two years after the decision, as abuse records and
 * data requests are (decision 107); then the row, and the requester's data with it, goes. Undecided
 * requests are never purged: a person still owes an answer. The audit entries name no requester.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { defineJob } from "@/server/jobs/define-job";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { deleteInBatches } from "@/server/retention/in-batches";
import { COMPLIANCE_RECORD_RETENTION_MS } from "@/server/retention/purge-compliance-records";

const BATCH = 1000;

export async function purgeRevealRequests(now: Date = platformNow()): Promise<number> {
  const before = new Date(now.getTime() - COMPLIANCE_RECORD_RETENTION_MS);
  return deleteInBatches(
    BATCH,
    () => db.$executeRaw`
      delete from "RevealRequest" where id in (
        select id from "RevealRequest"
        where status in ('disclosed', 'refused') and "decidedAt" < ${before}
        limit ${BATCH})`,
  );
}

export const purgeRevealRequestsJob = defineJob({
  name: "retention.purge-reveal-requests",
  payload: z.object({}),
  cron: "53 3 * * *",
  retry: { limit: 0 },
  handler: async () => void (await purgeRevealRequests()),
});
