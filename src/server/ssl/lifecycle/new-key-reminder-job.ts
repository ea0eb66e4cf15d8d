/** Three days after a bulk reissue asked for new keys, one reminder to each registrant who sent none (decision 134). */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { remindNewKeys } from "./remind-new-keys";

export const REMINDER_AFTER_MS = 3 * 24 * 60 * 60_000;

export const newKeyReminderJob = defineJob({
  name: "ssl.new-key-reminder",
  // One asking chunk's certificates (at most a hundred).
  payload: z.object({ certificateIds: z.array(z.string().min(1)).min(1).max(100) }),
  // The mails are one transaction: a failed run sent nothing, so running it again cannot mail twice.
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  handler: async ({ certificateIds }) => void (await remindNewKeys(certificateIds)),
});
