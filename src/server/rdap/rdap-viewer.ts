/**
 * Who is asking, read from the request itself: a registrant's platform session (the cookie their
 * storefront set; host-only, so it arrives only on that storefront's host) or nobody. Anything that
 * does not resolve to a live registrant session is anonymous.
 */
import { env } from "@/env";
import { hostArea, requestHostHeader } from "@/lib/host-area";
import { resolveSession } from "@/server/auth/resolve-session";
import { decodeSession, sessionCookieName } from "@/server/auth/session-token";
import type { RdapViewer } from "./rdap-types";

const ANONYMOUS: RdapViewer = { kind: "anonymous" };

export function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export async function rdapViewer(request: Request): Promise<RdapViewer> {
  const claims = await decodeSession(cookieValue(request.headers.get("cookie"), sessionCookieName()));
  if (!claims || claims.kind !== "registrant") return ANONYMOUS;
  const where = hostArea(requestHostHeader(request.headers), env().CONSOLE_HOST);
  const signedIn = await resolveSession(claims, where);
  if (!signedIn || signedIn.ctx.kind !== "registrant") return ANONYMOUS;
  return { kind: "registrant", registrantId: signedIn.ctx.actorId, resellerId: signedIn.ctx.resellerId };
}
