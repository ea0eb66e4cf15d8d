/**
 * The daily deposit (03:30 UTC): a full one on ESCROW_FULL_WEEKDAY, incrementals on the other days. A
 * failed run throws, so the queue retries it (backoff from 10 minutes); the day's log row makes every
 * retry resume the same deposit rather than start another.
 */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { runEscrowDeposit } from "./run-deposit";

export const escrowDepositJob = defineJob({
  name: "escrow.daily-deposit",
  payload: z.object({}),
  cron: "30 3 * * *",
  retry: { limit: 6, delaySeconds: 600, backoff: true },
  expireInSeconds: 3600,
  handler: async () => void (await runEscrowDeposit()),
});
