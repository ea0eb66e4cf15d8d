/** Mail jobs: the outbox is delivered every minute. */
import { z } from "zod";
import { db } from "@/server/db";
import { defineJob } from "@/server/jobs/define-job";
import { deliverOutbox } from "./deliver-outbox";

export const deliverOutboxJob = defineJob({
  name: "mail.deliver-outbox",
  payload: z.object({}),
  cron: "* * * * *",
  retry: { limit: 2 },
  handler: async () => {
    await deliverOutbox(db);
  },
});

export const mailJobs = [deliverOutboxJob];
