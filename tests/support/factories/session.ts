import { startSession } from "@/server/auth/start-session";
import type { SessionClaims, TokenClaims } from "@/server/auth/session-token";

/** A live session record for `claims`, as a sign-in would make it, and the token claims naming it. */
export function startTestSession(claims: SessionClaims, device = { clientAddress: "203.0.113.9", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" }): Promise<TokenClaims> {
  return startSession(claims, device);
}
