/** The fulfilment job: one order item per job; the queue retries transient failures with backoff and jitter. */
import { z } from "zod";
import { FULFIL_ITEM_JOB } from "./enqueue-fulfilment";
import { MAX_ATTEMPTS, runFulfilment } from "./run-fulfilment";
import { recoverStalledItems } from "./recover-stalled-items";

const payload = z.object({ itemId: z.string() });

export const fulfilmentJobs = [
  {
    name: FULFIL_ITEM_JOB,
    retryLimit: MAX_ATTEMPTS,
    handler: async (data: unknown) => {
      await runFulfilment(payload.parse(data).itemId);
    },
  },
  {
    name: "fulfilment.recover-stalled",
    cron: "*/5 * * * *",
    retryLimit: 1,
    handler: async () => {
      await recoverStalledItems();
    },
  },
];
