/**
 * Sign-in throttling over RateLimitBucket rows. Counts hits (failed attempts) in fixed windows and estimates a
 * sliding window from the current and previous ones, so an attacker cannot double the budget by
 * straddling a window boundary.
 */
import type { Tx } from "@/server/db";

export type RateRule = { limit: number; windowMs: number };

/** One account from one address: the owner's own budget, which nobody elsewhere can spend. */
export const ACCOUNT_ADDRESS_RULE: RateRule = { limit: 5, windowMs: 15 * 60_000 };
/** One account from addresses it has not signed in from lately: bounds a guesser with many addresses. */
export const ACCOUNT_RULE: RateRule = { limit: 10, windowMs: 15 * 60_000 };
/** One address across all accounts: bounds a guesser spraying one password over many emails. */
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

/**
 * Takes one unit of `key`'s budget if it is not spent, in one statement: the conditional upsert
 * locks the current window's row and re-checks the count under that lock, so N parallel callers
 * cannot take more than the budget. Returns the window reserved in (for `releaseHit`), or null.
 */
export async function reserveHit(tx: Tx, key: string, rule: RateRule, now = new Date()): Promise<Date | null> {
  const start = windowStartOf(now, rule.windowMs);
  const prev = new Date(start.getTime() - rule.windowMs);
  const weight = 1 - (now.getTime() - start.getTime()) / rule.windowMs;
  const rows = await tx.$queryRaw<{ count: number }[]>`
    insert into "RateLimitBucket" ("key", "windowStart", "count")
    select ${key}, ${start}, 1
    where (select coalesce(sum(p."count"), 0) from "RateLimitBucket" p where p."key" = ${key} and p."windowStart" = ${prev}) * ${weight}::float8 < ${rule.limit}
    on conflict ("key", "windowStart") do update set "count" = "RateLimitBucket"."count" + 1
    where "RateLimitBucket"."count"
      + (select coalesce(sum(p."count"), 0) from "RateLimitBucket" p where p."key" = ${key} and p."windowStart" = ${prev}) * ${weight}::float8
      < ${rule.limit}
    returning "count"`;
  return rows.length > 0 ? start : null;
}

/** Gives back a unit taken by `reserveHit` (the attempt turned out not to be a failure). */
export async function releaseHit(tx: Tx, key: string, windowStart: Date): Promise<void> {
  await tx.$executeRaw`
    update "RateLimitBucket" set "count" = "count" - 1 where "key" = ${key} and "windowStart" = ${windowStart} and "count" > 0`;
}

export async function recordHit(tx: Tx, key: string, rule: RateRule, now = new Date()): Promise<void> {
  const start = windowStartOf(now, rule.windowMs);
  // One statement so concurrent hits all count.
  await tx.$executeRaw`
    insert into "RateLimitBucket" ("key", "windowStart", "count") values (${key}, ${start}, 1)
    on conflict ("key", "windowStart") do update set "count" = "RateLimitBucket"."count" + 1`;
}

/** Forgets every failure counted under `key` (a successful sign-in from that address; a password reset). */
export async function clearHits(tx: Tx, key: string): Promise<void> {
  await tx.rateLimitBucket.deleteMany({ where: { key } });
}

/** Old buckets are useless after two windows; callers may prune opportunistically. */
export async function pruneBuckets(tx: Tx, olderThan: Date): Promise<number> {
  const { count } = await tx.rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } });
  return count;
}
