/**
 * Requests per key in fixed windows (one counter row per key in RateLimitBucket), answered with the
 * IETF httpapi draft's structured headers: `RateLimit-Policy: "default";q=120;w=60` and
 * `RateLimit: "default";r=<remaining>;t=<seconds to reset>`, plus Retry-After when refused.
 */
import { db } from "@/server/db";

export type ApiRateRule = { limit: number; windowSeconds: number };

export const DEFAULT_API_RATE: ApiRateRule = { limit: 120, windowSeconds: 60 };

export type RateVerdict = { allowed: boolean; headers: Record<string, string> };

export async function takeApiRequest(keyId: string, rule: ApiRateRule, now = new Date()): Promise<RateVerdict> {
  const windowMs = rule.windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const bucket = `api:${keyId}`;
  const [row] = await db.$queryRaw<{ count: number }[]>`
    insert into "RateLimitBucket" ("key", "windowStart", "count") values (${bucket}, ${start}, 1)
    on conflict ("key", "windowStart") do update set "count" = "RateLimitBucket"."count" + 1
    returning "count"`;
  const count = row?.count ?? 1;
  // The first request of a window clears the key's older windows, so each key keeps one row.
  if (count === 1) await db.rateLimitBucket.deleteMany({ where: { key: bucket, windowStart: { lt: start } } });
  const reset = Math.max(1, Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000));
  const remaining = Math.max(0, rule.limit - count);
  const headers: Record<string, string> = {
    "RateLimit-Policy": `"default";q=${rule.limit};w=${rule.windowSeconds}`,
    RateLimit: `"default";r=${remaining};t=${reset}`,
  };
  if (count > rule.limit) return { allowed: false, headers: { ...headers, "Retry-After": String(reset) } };
  return { allowed: true, headers };
}
