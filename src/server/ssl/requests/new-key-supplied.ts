/**
 * A bulk job item that waits for a registrant's new key (lifecycle/ask-for-new-keys.ts, decision 125)
 * turns "reissued" when that registrant's reissue is recorded. Here, beside the recording, so the
 * recording does not reach back into the bulk run's folder.
 */
import type { Tx } from "@/server/db";

export const WAITING_FOR_KEY = "Waiting for the registrant's new key: they were sent a link to make the reissue.";

/**
 * The registrant supplied the new key and its certificate was recorded: a bulk job item waiting for it
 * is reissued now, and its job's counters follow (one statement, in the recording transaction).
 */
export async function markNewKeySupplied(tx: Tx, oldCertificateId: string, newCertificateId: string): Promise<void> {
  await tx.$executeRaw`
    with moved as (
      update "CertificateBulkJobItem"
         set outcome = 'reissued', message = 'Reissued with the registrant''s new key.',
             "newCertificateId" = ${newCertificateId}, "updatedAt" = now()
       where "certificateId" = ${oldCertificateId} and outcome = 'waiting' and message = ${WAITING_FOR_KEY}
      returning "jobId"
    )
    update "CertificateBulkJob" as j
       set reissued = j.reissued + m.n, waiting = j.waiting - m.n
      from (select "jobId", count(*)::int as n from moved group by "jobId") as m
     where j.id = m."jobId"`;
}
