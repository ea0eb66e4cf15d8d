/**
 * Every minute: subscriptions whose certificate is due for replacement get a replacement request, then
 * requests waiting for DCV or the CA are asked about, pending revocations carried out, requests never
 * validated within 30 days given up (refunded), and what has passed its end marked expired.
 */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { sweepIntervalMs } from "@/server/jobs/sweep-cadence";
import { expireUnvalidatedRequests, pollCertificateRequests } from "./poll-requests";
import { replaceDueCertificates } from "./replace-due-certificates";
import { expireCertificates } from "./expire-certificates";

export const pollCertificateRequestsJob = defineJob({
  name: "ssl.poll-requests",
  payload: z.object({}),
  cron: "* * * * *",
  retry: { limit: 0 },
  handler: async () => {
    await replaceDueCertificates();
    // Each request once a pass (50 s at the minute's cadence): a pass starts a few seconds late or early.
    await pollCertificateRequests({ minIntervalMs: (sweepIntervalMs() * 5) / 6 });
    await expireUnvalidatedRequests();
    await expireCertificates();
  },
});
