/** One bulk job (renew, lock, nameservers… over many names) runs as one queue job. */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { runBulkJob } from "./run-bulk-job";

export const bulkRunJob = defineJob({
  name: "domains.bulk-run",
  payload: z.object({ bulkJobId: z.uuid() }),
  retry: { limit: 2 },
  handler: async ({ bulkJobId }) => runBulkJob(bulkJobId),
});
