/**
 * Requests per key in fixed windows (a few counter rows per key in RateLimitBucket), answered with the
 * IETF httpapi draft's structured headers: `RateLimit-Policy: "default";q=120;w=60` and
 * `RateLimit: "default";r=<remaining>;t=<seconds to reset>`, plus Retry-After when refused.
 */
import { db } from "@/server/db";

export type ApiRateRule = { limit: number; windowSeconds: number };

export const DEFAULT_API_RATE: ApiRateRule = { limit: 120, windowSeconds: 60 };

const SHARDS = 8;

export type RateVerdict = { allowed: boolean; headers: Record<string, string> };

export async function takeApiRequest(keyId: string, rule: ApiRateRule, now = new Date()): Promise<RateVerdict> {
  const windowMs = rule.windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  // The window's count is spread over a few rows, one picked at random per request: a single row
  // made every request of a busy key wait for the one before it to commit (its row lock is held
  // through the commit's flush), which capped a key at one request per commit.
  const buckets = Array.from({ length: SHARDS }, (_v, i) => `api:${keyId}:${i}`);
  const bucket = buckets[Math.floor(Math.random() * SHARDS)];
  const [row] = await db.$queryRaw<{ mine: number; others: number }[]>`
    with mine as (
      insert into "RateLimitBucket" ("key", "windowStart", "count") values (${bucket}, ${start}, 1)
      on conflict ("key", "windowStart") do update set "count" = "RateLimitBucket"."count" + 1
      returning "count")
    select (select "count" from mine) as mine,
      (select coalesce(sum("count"), 0)::int from "RateLimitBucket"
        where "key" = any(${buckets}) and "key" <> ${bucket} and "windowStart" = ${start}) as others`;
  const count = (row?.mine ?? 1) + (row?.others ?? 0);
  // The first request of a window on a row clears that key's older windows, so each key keeps few rows.
  if (row?.mine === 1)
    await db.rateLimitBucket.deleteMany({ where: { key: { in: buckets }, windowStart: { lt: start } } });
  const reset = Math.max(1, Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000));
  const remaining = Math.max(0, rule.limit - count);
  const headers: Record<string, string> = {
    "RateLimit-Policy": `"default";q=${rule.limit};w=${rule.windowSeconds}`,
    RateLimit: `"default";r=${remaining};t=${reset}`,
  };
  if (count > rule.limit) return { allowed: false, headers: { ...headers, "Retry-After": String(reset) } };
  return { allowed: true, headers };
}
