/**
 * Sign-in throttling over RateLimitBucket rows. Counts hits (failed attempts) in fixed windows and estimates a
 * sliding window from the current and previous ones, so an attacker cannot double the budget by
 * straddling a window boundary.
 */
import type { Tx } from "@/server/db";

export type RateRule = { limit: number; windowMs: number };

export const ACCOUNT_RULE: RateRule = { limit: 5, windowMs: 15 * 60_000 };
export const ADDRESS_RULE: RateRule = { limit: 20, windowMs: 15 * 60_000 };

export function windowStartOf(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** Failures weighted over the last `windowMs`: all of the current window, the unexpired share of the previous. */
export function slidingCount(current: number, previous: number, now: Date, windowMs: number): number {
  const elapsed = (now.getTime() - windowStartOf(now, windowMs).getTime()) / windowMs;
  return current + previous * (1 - elapsed);
}

export function isOverLimit(current: number, previous: number, now: Date, rule: RateRule): boolean {
  return slidingCount(current, previous, now, rule.windowMs) >= rule.limit;
}

export async function isLimited(tx: Tx, key: string, rule: RateRule, now = new Date()): Promise<boolean> {
  const start = windowStartOf(now, rule.windowMs);
  const prev = new Date(start.getTime() - rule.windowMs);
  const rows = await tx.rateLimitBucket.findMany({ where: { key, windowStart: { in: [start, prev] } } });
  const count = (at: Date) => rows.find((r) => r.windowStart.getTime() === at.getTime())?.count ?? 0;
  return isOverLimit(count(start), count(prev), now, rule);
}

export async function recordHit(tx: Tx, key: string, rule: RateRule, now = new Date()): Promise<void> {
  const start = windowStartOf(now, rule.windowMs);
  // One statement so concurrent hits all count.
  await tx.$executeRaw`
    insert into "RateLimitBucket" ("key", "windowStart", "count") values (${key}, ${start}, 1)
    on conflict ("key", "windowStart") do update set "count" = "RateLimitBucket"."count" + 1`;
}

/** A successful sign-in forgets the account's failures (never the address's). */
export async function clearHits(tx: Tx, key: string): Promise<void> {
  await tx.rateLimitBucket.deleteMany({ where: { key } });
}

/** Old buckets are useless after two windows; callers may prune opportunistically. */
export async function pruneBuckets(tx: Tx, olderThan: Date): Promise<number> {
  const { count } = await tx.rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } });
  return count;
}
