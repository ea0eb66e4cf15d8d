/**
 * Lifecycle numbers in one place (docs/decisions/056-lifecycle-timing.md). gTLD grace periods are
 * registry policy; our own choices (when to auto-renew, notice windows) are ours.
 */
export const LIFECYCLE = {
  /** Auto-renew runs this many days before expiry, after the 30-day notice and before the 7-day one. */
  autoRenewLeadDays: 10,
  /** ERRP: ~1 month before (26-35 d), ~1 week before (4-10 d), and within 5 days after expiry. */
  notices: { before30: { from: 30, to: 11 }, before7: { from: 7, to: 1 }, afterDays: 5 },
  autoRenewGraceDays: 45,
  redemptionDays: 30,
  pendingDeleteDays: 5,
  /** A pending transfer out is approved by the registry after 5 days unless we answer. */
  transferResponseDays: 5,
  /** Transfer Policy: inter-registrar lock after a change of registrant (configurable, TPR PDP changes it). */
  registrantChangeLockDays: 60,
  registrantChangeConfirmDays: 7,
} as const;
