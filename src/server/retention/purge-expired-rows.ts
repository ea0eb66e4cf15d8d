/**
 * Rows that exist only to answer for a while, deleted once nothing can read them (decision 112):
 * rate-limit windows two days old (the longest window is 15 minutes; a sliding estimate reads the
 * one before), API idempotency records past their expiry (a repeated key then runs as new, as the
 * API reference says), and webhook events 30 days old whose deliveries have all ended, with their
 * deliveries and attempts (foreign keys cascade). A console can replay an event for 30 days.
 * Deleted in batches, so a backlog never holds one long lock.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { defineJob } from "@/server/jobs/define-job";
import { deleteInBatches } from "./in-batches";

const DAY_MS = 24 * 60 * 60_000;
export const RATE_WINDOW_RETENTION_MS = 2 * DAY_MS;
export const WEBHOOK_EVENT_RETENTION_MS = 30 * DAY_MS;
const BATCH = 5000;

export type Purged = { rateWindows: number; idempotencyRecords: number; webhookEvents: number };

export async function purgeExpiredRows(now = new Date()): Promise<Purged> {
  const windowsBefore = new Date(now.getTime() - RATE_WINDOW_RETENTION_MS);
  const eventsBefore = new Date(now.getTime() - WEBHOOK_EVENT_RETENTION_MS);
  const rateWindows = await deleteInBatches(
    BATCH,
    () => db.$executeRaw`
      delete from "RateLimitBucket" where ctid in (
        select ctid from "RateLimitBucket" where "windowStart" < ${windowsBefore} limit ${BATCH})`,
  );
  const idempotencyRecords = await deleteInBatches(
    BATCH,
    () => db.$executeRaw`
      delete from "ApiIdempotency" where ("apiKeyId", "key") in (
        select "apiKeyId", "key" from "ApiIdempotency" where "expiresAt" < ${now} limit ${BATCH})`,
  );
  // An event with a delivery still pending is kept whatever its age: its retries are still due.
  const webhookEvents = await deleteInBatches(
    BATCH,
    () => db.$executeRaw`
      delete from "WebhookEvent" where id in (
        select e.id from "WebhookEvent" e
        where e."createdAt" < ${eventsBefore}
          and not exists (select 1 from "WebhookDelivery" d where d."eventId" = e.id and d.state = 'pending')
        limit ${BATCH})`,
  );
  return { rateWindows, idempotencyRecords, webhookEvents };
}

export const purgeExpiredRowsJob = defineJob({
  name: "retention.purge-expired-rows",
  payload: z.object({}),
  cron: "41 3 * * *",
  retry: { limit: 0 },
  handler: async () => void (await purgeExpiredRows()),
});
