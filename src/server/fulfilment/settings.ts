/** The engine's limits, from the environment (FULFILMENT_*), and the retry backoff they give. */
import { env } from "@/env";

export function engineSettings() {
  const e = env();
  return {
    maxAttempts: e.FULFILMENT_MAX_ATTEMPTS,
    retryDelaySeconds: e.FULFILMENT_RETRY_DELAY_SECONDS,
    leaseMs: e.FULFILMENT_LEASE_SECONDS * 1000,
    group: { maxItems: e.FULFILMENT_GROUP_MAX_ITEMS, maxInFlight: e.FULFILMENT_GROUP_IN_FLIGHT },
  };
}

/**
 * Quiet for this long before an item counts as stalled: two leases, so a live runner is never doubted.
 * No floor of its own: a short lease (the chaos test's) is there so a killed worker's item moves again
 * soon, and a fixed minute would keep it waiting anyway (decision 136).
 */
export const stallAfterMs = () => 2 * engineSettings().leaseMs;

/**
 * Seconds before attempt `attempt + 1`: doubling from the base with ±20 % jitter, and never longer
 * than half the stall time, so the stalled-items sweep never mistakes a waiting retry for a lost one.
 */
export function retryDelaySeconds(attempt: number, random = Math.random): number {
  const base = engineSettings().retryDelaySeconds * 2 ** Math.max(0, attempt - 1);
  const cap = stallAfterMs() / 2000;
  return Math.max(1, Math.round(Math.min(base, cap) * (0.8 + 0.4 * random())));
}
