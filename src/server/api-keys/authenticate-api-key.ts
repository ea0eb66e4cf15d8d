/**
 * From a Bearer token and the caller's address to the key it names and the context its calls act
 * with. Each refusal says why in words the caller can act on, without telling a guesser whether a
 * key exists: unknown, revoked and expired keys all answer UNAUTHENTICATED.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import type { ApiKey } from "@/generated/prisma/client";
import { sandboxResellerOf } from "@/server/sandbox/sandbox-tenant";
import { addressAllowed } from "./cidr";
import { findApiKeyByHash, peekApiKey } from "./key-cache";
import { hashKey, looksLikeKey } from "./key-format";

export type ApiCaller = {
  key: ApiKey;
  ctx: Extract<ActorContext, { kind: "user" }>;
  /** False when the key came from this process's copy and turned out stale: do not answer with it. */
  current: Promise<boolean>;
};

const CURRENT = Promise.resolve(true);

/** Last use is written at most this often, so a busy key is not a write per request. */
const LAST_USE_EVERY_MS = 60_000;

/** What this process last wrote as each key's last use (its cached row keeps the value it was read with). */
const lastUseWritten = new Map<string, { at: number; from: string | null }>();

async function noteUse(key: ApiKey, clientIp: string, now: Date): Promise<void> {
  const from = clientIp.slice(0, 64);
  const seen =
    lastUseWritten.get(key.id) ?? (key.lastUsedAt && { at: key.lastUsedAt.getTime(), from: key.lastUsedFrom });
  if (seen && now.getTime() - seen.at <= LAST_USE_EVERY_MS && seen.from === from) return;
  lastUseWritten.set(key.id, { at: now.getTime(), from });
  if (lastUseWritten.size > 10_000) lastUseWritten.delete(lastUseWritten.keys().next().value as string);
  await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now, lastUsedFrom: from } });
}

function refuseUnusable(key: ApiKey | null, clientIp: string, now: Date): asserts key is ApiKey {
  if (!key) throw new AppError("UNAUTHENTICATED", "This API key is not valid.");
  if (key.revokedAt) throw new AppError("UNAUTHENTICATED", "This API key has been revoked.");
  if (key.expiresAt && key.expiresAt <= now) throw new AppError("UNAUTHENTICATED", "This API key has expired.");
  if (!addressAllowed(key.allowedCidrs, clientIp))
    throw new AppError("FORBIDDEN", `This API key may not be used from ${clientIp}.`);
}

export function bearerToken(authorization: string | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return m ? m[1] : null;
}

/**
 * `optimistic` (reads only) takes this process's copy of the key without waiting for the cache's
 * barrier, so the barrier's round trip overlaps the work; the caller then awaits `current` before
 * answering, and runs the request again without optimism when it is false.
 */
export async function authenticateApiKey(
  authorization: string | null,
  clientIp: string,
  now = new Date(),
  opts: { optimistic?: boolean } = {},
): Promise<ApiCaller> {
  const token = bearerToken(authorization);
  if (!token) throw new AppError("UNAUTHENTICATED", "Send an API key as Authorization: Bearer rk_live_….");
  const hash = looksLikeKey(token) ? hashKey(token) : null;
  const peeked = hash && opts.optimistic ? peekApiKey(hash) : null;
  const key = peeked ? peeked.row : hash ? await findApiKeyByHash(hash) : null;
  try {
    refuseUnusable(key, clientIp, now);
  } catch (e) {
    // A refusal from a stale copy (an allowlist widened since) must not stand: ask again, current.
    if (peeked && !(await peeked.current)) return authenticateApiKey(authorization, clientIp, now);
    throw e;
  }
  await noteUse(key, clientIp, now);
  // A key acts as an admin of its reseller, narrowed by its scopes; the services check the rest. A
  // test key's reseller is the live one's sandbox shadow (decision 100), so no service it reaches can
  // find a live object: every lookup is scoped by reseller.
  const resellerId = key.mode === "test" ? await sandboxResellerOf(key.resellerId) : key.resellerId;
  return {
    key,
    ctx: { kind: "user", actorId: key.createdById, resellerId, role: "admin" },
    current: peeked?.current ?? CURRENT,
  };
}
