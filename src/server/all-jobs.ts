/**
 * Every job the worker runs, in one list. Each definition lives beside the code it runs (see
 * src/server/jobs/define-job.ts); this file only gathers them, and nothing but the worker imports it.
 */
import type { JobDefinition } from "@/server/jobs/define-job";
import { mailJobs } from "@/server/mail/jobs";
import { lifecycleSweepJob } from "@/server/domains/lifecycle-events/sweep-job";
import { pollMessagesJob } from "@/server/domains/lifecycle-events/poll-job";
import { recheckTransfersInJob } from "@/server/domains/transfer-in/recheck-job";
import { placeProxyAfterTransferJob } from "@/server/domains/provisioners/proxy-after-transfer";
import { reconcileJob } from "@/server/domains/reconcile/jobs";
import { bulkRunJob } from "@/server/domains/bulk/jobs";
import { fulfilmentJobs } from "@/server/fulfilment/jobs";
import { paymentJobs } from "@/server/payments/jobs";
import { escrowDepositJob } from "@/server/escrow/escrow-job";
import { contactVerificationSweepJob } from "@/server/contact-verification/sweep-job";
import { webhookJobs } from "@/server/webhooks/outbox/jobs";
import { tmchPollMarksJob } from "@/server/tmch/mark-polling/poll-job";
import { followSunriseApplicationsJob } from "@/server/launch/sunrise/follow-job";
import { watchPhaseStartsJob } from "@/server/launch/preorder-submit/watch-job";
import { pollCertificateRequestsJob } from "@/server/ssl/lifecycle/poll-job";
import { bulkReissueRunJob } from "@/server/ssl/lifecycle/bulk-reissue-job";
import { newKeyReminderJob } from "@/server/ssl/lifecycle/new-key-reminder-job";
import { purgeUsedKeyLinksJob } from "@/server/ssl/lifecycle/purge-used-key-links";
import { purgeSessionsJob } from "@/server/auth/purge-sessions";
import { purgeExpiredRowsJob } from "@/server/retention/purge-expired-rows";
import { sweepSandboxesJob } from "@/server/sandbox/sweep-sandboxes";
import { purgeComplianceRecordsJob } from "@/server/retention/purge-compliance-records";
import { healthChecksJob } from "@/server/status/health-job";
import { purgeRevealRequestsJob } from "@/server/privacy-proxy/reveal/purge-reveal-requests";
import { evaluateResellerHealthJob } from "@/server/reseller-health/record-findings";
import { escalateOverdueClocksJob } from "@/server/compliance-escalations/escalate-overdue";

export const allJobs: JobDefinition<never>[] = [
  ...mailJobs,
  lifecycleSweepJob,
  pollMessagesJob,
  recheckTransfersInJob,
  placeProxyAfterTransferJob,
  reconcileJob,
  bulkRunJob,
  ...fulfilmentJobs,
  ...paymentJobs,
  escrowDepositJob,
  contactVerificationSweepJob,
  ...webhookJobs,
  pollCertificateRequestsJob,
  bulkReissueRunJob,
  newKeyReminderJob,
  purgeUsedKeyLinksJob,
  tmchPollMarksJob,
  followSunriseApplicationsJob,
  watchPhaseStartsJob,
  purgeSessionsJob,
  purgeExpiredRowsJob,
  sweepSandboxesJob,
  purgeComplianceRecordsJob,
  healthChecksJob,
  purgeRevealRequestsJob,
  evaluateResellerHealthJob,
  escalateOverdueClocksJob,
] as JobDefinition<never>[];
