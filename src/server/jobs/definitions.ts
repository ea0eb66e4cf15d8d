/**
 * Every job the worker runs: its queue name, handler, retry policy and (for sweeps) its schedule.
 * Capabilities add their jobs here; handlers live beside their capability's services.
 */
import { db } from "@/server/db";
import { deliverOutbox } from "@/server/mail/deliver-outbox";
import { domainLifecycleJobs } from "@/server/domains/lifecycle/jobs";
import { fulfilmentJobs } from "@/server/fulfilment/jobs";
import { paymentJobs } from "@/server/payments/jobs";

export type JobDefinition = {
  name: string;
  handler: (data: unknown) => Promise<void>;
  retryLimit?: number;
  /** Cron expression (UTC) for scheduled sweeps. */
  cron?: string;
};

export const jobDefinitions: JobDefinition[] = [
  {
    name: "mail.deliver-outbox",
    cron: "* * * * *",
    retryLimit: 2,
    handler: async () => {
      await deliverOutbox(db);
    },
  },
  ...domainLifecycleJobs,
  ...fulfilmentJobs,
  ...paymentJobs,
];
