/** Every minute: ask the registry about sunrise applications waiting for allocation. */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { followSunriseApplications } from "./follow-applications";

export const followSunriseApplicationsJob = defineJob({
  name: "launch.follow-sunrise-applications",
  payload: z.object({}),
  cron: "* * * * *",
  retry: { limit: 0 },
  handler: async () => void (await followSunriseApplications()),
});
