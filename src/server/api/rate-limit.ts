/**
 * Requests per key: a token bucket in this process (decision 108), holding the key's limit and
 * refilled evenly over its window, answered with the IETF httpapi draft's structured headers:
 * `RateLimit-Policy: "default";q=120;w=60` and `RateLimit: "default";r=<remaining>;t=<seconds until
 * full>`, plus Retry-After (seconds until the next request is allowed) when refused.
 *
 * Counting in the database cost every request a committed write, which was most of the API's time.
 * Each of API_PROCESSES app processes grants a key 1/N of its limit, so behind a balancer that spreads
 * a key's requests the key gets about its limit in all; `r` is this process's remainder scaled by N.
 * A restart refills a bucket: the limit protects capacity, it is not a quota anyone pays for.
 */
import { env } from "@/env";

export type ApiRateRule = { limit: number; windowSeconds: number };

export const DEFAULT_API_RATE: ApiRateRule = { limit: 120, windowSeconds: 60 };

export type RateVerdict = { allowed: boolean; headers: Record<string, string> };

type Bucket = { tokens: number; at: number };

const MAX_BUCKETS = 50_000;
const buckets = new Map<string, Bucket>();

function processes(): number {
  return env().API_PROCESSES;
}

export function takeApiRequest(keyId: string, rule: ApiRateRule, now = new Date()): RateVerdict {
  const n = processes();
  const capacity = Math.max(1, Math.floor(rule.limit / n));
  const perMs = capacity / (rule.windowSeconds * 1000);
  const id = `${keyId}:${rule.limit}:${rule.windowSeconds}`;
  const t = now.getTime();
  const found = buckets.get(id);
  const bucket = found ?? { tokens: capacity, at: t };
  bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, t - bucket.at) * perMs);
  bucket.at = t;
  // Newest last, so the oldest-touched buckets go first when there are too many (they are nearly full anyway).
  if (found) buckets.delete(id);
  buckets.set(id, bucket);
  if (buckets.size > MAX_BUCKETS) buckets.delete(buckets.keys().next().value as string);

  const allowed = bucket.tokens >= 1;
  if (allowed) bucket.tokens -= 1;
  const remaining = Math.min(rule.limit, Math.floor(bucket.tokens) * n);
  const full = Math.max(1, Math.ceil((capacity - bucket.tokens) / perMs / 1000));
  const headers: Record<string, string> = {
    "RateLimit-Policy": `"default";q=${rule.limit};w=${rule.windowSeconds}`,
    RateLimit: `"default";r=${remaining};t=${full}`,
  };
  if (allowed) return { allowed, headers };
  const retry = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  return { allowed, headers: { ...headers, "Retry-After": String(retry) } };
}
