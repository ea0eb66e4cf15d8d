/**
 * Abuse reports and data requests kept past their use (decision 107). RAA 3.18.3 wants abuse records
 * kept to answer ICANN, and a data request is the proof it was handled; two years after the report
 * closed or the request was answered (the Data Retention Specification's period for registration
 * data) both go, evidence and steps with them (foreign keys cascade). A report whose clientHold is
 * still in place is kept whatever its age: the hold row explains a suspension that still acts.
 * Requests whose address was never confirmed go 30 days after the link expired: nothing was done
 * for them and they hold a stranger's address.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { defineJob } from "@/server/jobs/define-job";
import { deleteInBatches } from "./in-batches";
import { platformNow } from "@/server/domains/lifecycle/clock";

const DAY_MS = 24 * 60 * 60_000;
export const COMPLIANCE_RECORD_RETENTION_MS = 730 * DAY_MS;
export const UNCONFIRMED_REQUEST_RETENTION_MS = 30 * DAY_MS;
const BATCH = 1000;

export type PurgedComplianceRecords = { abuseReports: number; dataRequests: number; unconfirmedRequests: number };

export async function purgeComplianceRecords(now: Date = platformNow()): Promise<PurgedComplianceRecords> {
  const before = new Date(now.getTime() - COMPLIANCE_RECORD_RETENTION_MS);
  const unconfirmedBefore = new Date(now.getTime() - UNCONFIRMED_REQUEST_RETENTION_MS);
  const abuseReports = await deleteInBatches(
    BATCH,
    () => db.$executeRaw`
      delete from "AbuseReport" where id in (
        select r.id from "AbuseReport" r
        where r.status = 'closed' and r."closedAt" < ${before}
          and not exists (select 1 from "AbuseHold" h where h."reportId" = r.id and h."liftedAt" is null)
        limit ${BATCH})`,
  );
  const dataRequests = await deleteInBatches(
    BATCH,
    () => db.$executeRaw`
      delete from "DataRequest" where id in (
        select id from "DataRequest"
        where status in ('completed', 'refused') and "answeredAt" < ${before}
        limit ${BATCH})`,
  );
  const unconfirmedRequests = await deleteInBatches(
    BATCH,
    () => db.$executeRaw`
      delete from "DataRequest" where id in (
        select id from "DataRequest"
        where status = 'awaiting_confirmation' and "confirmExpiresAt" < ${unconfirmedBefore}
        limit ${BATCH})`,
  );
  return { abuseReports, dataRequests, unconfirmedRequests };
}

export const purgeComplianceRecordsJob = defineJob({
  name: "retention.purge-compliance-records",
  payload: z.object({}),
  cron: "47 3 * * *",
  retry: { limit: 0 },
  handler: async () => void (await purgeComplianceRecords()),
});
