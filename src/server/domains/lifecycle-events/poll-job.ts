/** Registry poll messages (transfers, deletions, balance notices) are read every five minutes. */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { processPollMessages } from "./process-poll-messages";

export const pollMessagesJob = defineJob({
  name: "domains.poll-messages",
  payload: z.object({}),
  cron: "*/5 * * * *",
  retry: { limit: 1 },
  handler: async () => void (await processPollMessages()),
});
