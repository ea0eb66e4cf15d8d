/**
 * Where a reseller's figures become a compliance finding on its health page. Fixed here for now
 * (decision 107): a registrar-set table is the follow-up the issue asks for.
 */
export const HEALTH_THRESHOLDS = {
  // Abuse reports per 10,000 names under management over 90 days.
  abusePer10k: 10,
  unverifiedContacts: 0,
  parkedItems: 0,
  // Share of order items finished in 30 days that failed, once enough finished to mean something.
  failurePercent: 10,
  minItemsForFailureRate: 20,
} as const;

export type HealthFlag = { key: string; words: string };
