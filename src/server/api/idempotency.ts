/**
 * Idempotency-Key for POST (draft-ietf-httpapi-idempotency-key-header). The first request with a
 * key claims the (API key, Idempotency-Key) row before it runs; its answer is stored there for 24
 * hours. The same key with the same method, path and body gets the stored answer; with anything
 * else, 422. A key whose first request is still running answers 409. Server errors and rate-limit
 * refusals are not stored, so a retry runs again.
 */
import { createHash } from "node:crypto";
import { db } from "@/server/db";
import { Prisma } from "@/generated/prisma/client";

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

export function validIdempotencyKey(value: string | null): value is string {
  return value !== null && KEY_SHAPE.test(value);
}

export function requestFingerprint(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method}\n${path}\n${body}`).digest("hex");
}

/** A stable key for the order the request places, unique per API key and Idempotency-Key. */
export function orderKeyFor(apiKeyId: string, idempotencyKey: string): string {
  return "api:" + createHash("sha256").update(`${apiKeyId}\n${idempotencyKey}`).digest("hex").slice(0, 48);
}

export type StoredAnswer = { status: number; body: string; contentType: string };

export type Claim =
  { kind: "claimed" } | { kind: "replay"; answer: StoredAnswer } | { kind: "mismatch" } | { kind: "in_progress" };

export async function claimIdempotencyKey(
  apiKeyId: string,
  key: string,
  fingerprint: string,
  now = new Date(),
): Promise<Claim> {
  for (let tries = 0; tries < 3; tries++) {
    try {
      await db.apiIdempotency.create({
        data: { apiKeyId, key, requestHash: fingerprint, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) },
      });
      return { kind: "claimed" };
    } catch (e) {
      if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
    }
    const row = await db.apiIdempotency.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
    if (!row) continue;
    if (row.expiresAt <= now) {
      await db.apiIdempotency.deleteMany({ where: { apiKeyId, key, expiresAt: { lte: now } } });
      continue;
    }
    if (row.requestHash !== fingerprint) return { kind: "mismatch" };
    if (row.status === null || row.body === null) return { kind: "in_progress" };
    return { kind: "replay", answer: { status: row.status, body: row.body, contentType: row.contentType ?? "" } };
  }
  return { kind: "in_progress" };
}

export async function settleIdempotencyKey(apiKeyId: string, key: string, answer: StoredAnswer | null): Promise<void> {
  if (answer === null) {
    await db.apiIdempotency.deleteMany({ where: { apiKeyId, key, status: null } });
    return;
  }
  await db.apiIdempotency.update({
    where: { apiKeyId_key: { apiKeyId, key } },
    data: { status: answer.status, body: answer.body, contentType: answer.contentType },
  });
}

/** Expired rows of one key, dropped as that key makes new ones. */
export async function dropExpiredIdempotency(apiKeyId: string, now = new Date()): Promise<void> {
  await db.apiIdempotency.deleteMany({ where: { apiKeyId, expiresAt: { lte: now } } });
}
