/** Pending transfers in the poll has not settled are asked about every minute (each name once per interval). */
import { z } from "zod";
import { env } from "@/env";
import { defineJob } from "@/server/jobs/define-job";
import { recheckTransfersIn } from "./recheck-transfers-in";

export const recheckTransfersInJob = defineJob({
  name: "domains.transfers-in-recheck",
  payload: z.object({}),
  cron: "* * * * *",
  retry: { limit: 0 },
  handler: async () => void (await recheckTransfersIn({ olderThanMs: env().TRANSFER_IN_RECHECK_SECONDS * 1000 })),
});
