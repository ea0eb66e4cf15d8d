/**
 * Bulk search is public and each request may ask the registries about 500 names, so it is throttled
 * per client address and, when someone is signed in, per account too. Reuses the sign-in limiter's
 * buckets and its atomic reservation, so parallel requests cannot all slip under the limit together.
 */
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { reserveHit, type RateRule } from "@/server/auth/rate-limit";

export const BULK_SEARCH_RULE: RateRule = { limit: 20, windowMs: 10 * 60_000 };

export type BulkSearchClient = { resellerId: string; address: string; accountId?: string | null };

export async function limitBulkSearch(client: BulkSearchClient, now = new Date()): Promise<void> {
  const keys = [`bulk-search:addr:${client.resellerId}:${client.address}`];
  if (client.accountId) keys.push(`bulk-search:acct:${client.accountId}`);
  for (const key of keys) {
    if (!(await reserveHit(db, key, BULK_SEARCH_RULE, now))) {
      throw new AppError("RATE_LIMITED", "Too many bulk searches from here. Please wait a few minutes and try again.");
    }
  }
}
