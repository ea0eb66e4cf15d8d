/**
 * Sign-out for every host: a plain form POST (works without JavaScript), refused from other origins,
 * then back to the area's sign-in page. The session's record is revoked, so a copy of the token taken
 * before is worthless too. Ending this session only; "sign out everywhere" is an action.
 */
import { cookies, headers } from "next/headers";
import { hostArea, requestHostHeader } from "@/lib/host-area";
import { env } from "@/env";
import { endSession } from "@/server/auth/end-sessions";
import { readSessionClaims } from "@/server/auth/session-cookie";
import { sessionCookieName } from "@/server/auth/session-token";

export async function POST() {
  const h = await headers();
  const origin = h.get("origin");
  const host = requestHostHeader(h);
  if (origin !== null && (!URL.canParse(origin) || new URL(origin).host.toLowerCase() !== host?.toLowerCase())) {
    return new Response("Cross-origin sign-out refused.", { status: 403 });
  }
  const claims = await readSessionClaims();
  if (claims) await endSession(claims.sid);
  (await cookies()).delete(sessionCookieName());
  const where = hostArea(host, env().CONSOLE_HOST);
  return new Response(null, { status: 303, headers: { Location: where.area === "console" ? "/sign-in" : "/" } });
}
