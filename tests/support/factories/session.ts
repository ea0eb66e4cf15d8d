import { testRequest, type ActionRequest } from "@/server/action-client";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { startSession } from "@/server/auth/start-session";
import type { SessionClaims, TokenClaims } from "@/server/auth/session-token";

/** A live session record for `claims`, as a sign-in would make it, and the token claims naming it. */
export function startTestSession(
  claims: SessionClaims,
  device = { clientAddress: "203.0.113.9", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" },
): Promise<TokenClaims> {
  return startSession(claims, device);
}

type Staff = Extract<ActorContext, { kind: "user" | "registrar" }>;

/**
 * A request running under a session `ctx` has just signed in with, for `.run` of actions that want a
 * recent sign-in (docs/decisions/072-reauthentication.md). `signedInMinutesAgo` ages its proof.
 */
export async function freshSessionRequest(
  ctx: Staff,
  opts: { signedInMinutesAgo?: number; over?: Partial<ActionRequest> } = {},
) {
  const { sid } = await startTestSession({ kind: "user", sub: ctx.actorId, resellerId: ctx.resellerId, sv: 0 });
  if (opts.signedInMinutesAgo) {
    const at = new Date(Date.now() - opts.signedInMinutesAgo * 60_000);
    await db.session.update({ where: { id: sid }, data: { createdAt: at, reauthAt: at } });
  }
  return testRequest({ sessionId: sid, ...opts.over });
}
