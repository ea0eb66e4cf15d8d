/**
 * The fulfilment job: one attempt at one order item. The engine schedules its own retries (with
 * backoff, as new jobs), so the queue's retries only cover a handler that crashed; a worker that
 * died mid-job is retried when the job expires, after the item's lease has run out. At most one job
 * per item waits in the queue (policy "short"): the stalled-items sweep, a retry and a payment
 * webhook delivered twice cannot pile up jobs that all wake for one item.
 */
import { z } from "zod";
import { env } from "@/env";
import { defineJob } from "@/server/jobs/define-job";
import { attemptItem } from "./attempt-item";

export const fulfilItemJob = defineJob({
  name: "fulfilment.attempt",
  payload: z.object({ itemId: z.uuid() }),
  policy: "short",
  singletonKey: ({ itemId }) => itemId,
  retry: { limit: 3, delaySeconds: 10, backoff: true },
  // Read when the queue is made, not at import: the environment may not be complete yet.
  expireInSeconds: () => env().FULFILMENT_LEASE_SECONDS + 60,
  concurrency: 4,
  handler: async ({ itemId }) => {
    await attemptItem(itemId, "job");
  },
});
