/** Every minute: follow marks at the TMCH and send expiry reminders (poll-marks.ts). */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { pollMarks } from "./poll-marks";

export const tmchPollMarksJob = defineJob({
  name: "tmch.poll-marks",
  payload: z.object({}),
  cron: "* * * * *",
  retry: { limit: 0 },
  handler: async () => void (await pollMarks()),
});
