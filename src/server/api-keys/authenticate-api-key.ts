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
import { hashKey, looksLikeKey } from "./key-format";

export type ApiCaller = { key: ApiKey; ctx: Extract<ActorContext, { kind: "user" }> };

/** Last use is written at most this often, so a busy key is not a write per request. */
const LAST_USE_EVERY_MS = 60_000;

export function bearerToken(authorization: string | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return m ? m[1] : null;
}

export async function authenticateApiKey(
  authorization: string | null,
  clientIp: string,
  now = new Date(),
): Promise<ApiCaller> {
  const token = bearerToken(authorization);
  if (!token) throw new AppError("UNAUTHENTICATED", "Send an API key as Authorization: Bearer rk_live_….");
  const key = looksLikeKey(token) ? await db.apiKey.findUnique({ where: { secretHash: hashKey(token) } }) : null;
  if (!key) throw new AppError("UNAUTHENTICATED", "This API key is not valid.");
  if (key.revokedAt) throw new AppError("UNAUTHENTICATED", "This API key has been revoked.");
  if (key.expiresAt && key.expiresAt <= now) throw new AppError("UNAUTHENTICATED", "This API key has expired.");
  if (!addressAllowed(key.allowedCidrs, clientIp))
    throw new AppError("FORBIDDEN", `This API key may not be used from ${clientIp}.`);
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USE_EVERY_MS || key.lastUsedFrom !== clientIp)
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now, lastUsedFrom: clientIp.slice(0, 64) } });
  // A key acts as an admin of its reseller, narrowed by its scopes; the services check the rest. A
  // test key's reseller is the live one's sandbox shadow (decision 100), so no service it reaches can
  // find a live object: every lookup is scoped by reseller.
  const resellerId = key.mode === "test" ? await sandboxResellerOf(key.resellerId) : key.resellerId;
  return { key, ctx: { kind: "user", actorId: key.createdById, resellerId, role: "admin" } };
}
