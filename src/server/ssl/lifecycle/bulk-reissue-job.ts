/** One bulk reissue of certificates (a reseller's, or the registrar's across resellers) runs as one queue job. */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { runBulkReissueJob } from "./run-bulk-reissue-job";

export const bulkReissueRunJob = defineJob({
  name: "ssl.bulk-reissue",
  payload: z.object({ jobId: z.uuid() }),
  // A rerun continues with the certificates still pending; more than one would repeat a lasting fault.
  retry: { limit: 1 },
  // Five thousand certificates against a slow CA can take a while; it is not abandoned before an hour.
  expireInSeconds: 3_600,
  handler: async ({ jobId }) => runBulkReissueJob(jobId),
});
