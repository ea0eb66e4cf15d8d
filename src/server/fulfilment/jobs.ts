/** The fulfilment engine's jobs: one attempt per item, and the sweep that finds stalled items. */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { fulfilItemJob } from "./fulfil-item-job";
import { attemptItem } from "./attempt-item";
import { recoverStalledItems } from "./recover-stalled-items";

export const recoverStalledJob = defineJob({
  name: "fulfilment.recover-stalled",
  payload: z.object({}),
  cron: "* * * * *",
  retry: { limit: 1 },
  handler: async () => void (await recoverStalledItems()),
});

/** Jobs queued before the engine (old fulfilment and renewal-retry queues) drain into the one dispatcher. */
export const legacyFulfilItemJob = defineJob({
  name: "fulfilment.item",
  payload: z.object({ itemId: z.string() }),
  retry: { limit: 1 },
  handler: async ({ itemId }) => void (await attemptItem(itemId, "job")),
});

export const legacyRenewalRetryJob = defineJob({
  name: "domains.fulfil-renewal",
  payload: z.object({ itemId: z.string(), kind: z.string().optional() }),
  retry: { limit: 1 },
  handler: async ({ itemId }) => void (await attemptItem(itemId, "job")),
});

export const fulfilmentJobs = [fulfilItemJob, recoverStalledJob, legacyFulfilItemJob, legacyRenewalRetryJob];
