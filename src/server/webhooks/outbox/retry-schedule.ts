/**
 * When a failed delivery is tried again: the Standard Webhooks schedule (5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h, then 10 h) until three days have passed since the first attempt, each delay moved by up
 * to ±10 % so endpoints that failed together are not all retried in the same second.
 */
const S = 1;
const M = 60;
const H = 3_600;

/** Seconds before retry n (1-based: the wait after the nth failed attempt). */
export const RETRY_DELAYS_SECONDS = [
  5 * S,
  5 * M,
  30 * M,
  2 * H,
  5 * H,
  10 * H,
  10 * H,
  10 * H,
  10 * H,
  10 * H,
  10 * H,
];

/** An endpoint whose every attempt failed for this long, or this many times in a row, is disabled. */
export const DISABLE_AFTER_MS = 3 * 24 * H * 1_000;
export const DISABLE_AFTER_FAILURES = 50;

/** The wait after the given number of automatic attempts failed, or null when they are used up. */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number | null {
  const base = RETRY_DELAYS_SECONDS[failedAttempts - 1];
  if (base === undefined) return null;
  return Math.round(base * 1_000 * (0.9 + 0.2 * random()));
}

export function shouldDisable(
  endpoint: { consecutiveFailures: number; failingSince: Date | null },
  now: Date,
): boolean {
  if (endpoint.consecutiveFailures >= DISABLE_AFTER_FAILURES) return true;
  return endpoint.failingSince !== null && now.getTime() - endpoint.failingSince.getTime() >= DISABLE_AFTER_MS;
}
