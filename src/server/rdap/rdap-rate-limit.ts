/**
 * RDAP is public and unauthenticated, so each client address gets a budget of lookups (RFC 7480
 * section 5.5: 429 with Retry-After). Counted in the shared RateLimitBucket table so every
 * web process enforces one budget; the reservation is atomic, so parallel requests cannot overshoot.
 */
import { db } from "@/server/db";
import { reserveHit, windowStartOf, type RateRule } from "@/server/auth/rate-limit";

export const RDAP_RATE_RULE: RateRule = { limit: 60, windowMs: 60_000 };

/** Null when the lookup may go ahead, else the seconds to wait before asking again. */
export async function takeRdapLookup(address: string, now = new Date()): Promise<number | null> {
  if (await reserveHit(db, `rdap:${address}`, RDAP_RATE_RULE, now)) return null;
  const windowEnd = windowStartOf(now, RDAP_RATE_RULE.windowMs).getTime() + RDAP_RATE_RULE.windowMs;
  return Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000));
}
