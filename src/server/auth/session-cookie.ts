/**
 * next-auth's session cookie on the current host. Host-only (no Domain attribute), so a session made
 * on one storefront host is never even sent to another; HttpOnly and SameSite=Lax as next-auth sets it.
 */
import { cookies } from "next/headers";
import { env } from "@/env";
import { decodeSession, encodeSession, sessionCookieName, SESSION_MAX_AGE, type TokenClaims } from "./session-token";

export async function readSessionClaims(): Promise<TokenClaims | null> {
  return decodeSession((await cookies()).get(sessionCookieName())?.value);
}

export async function writeSessionCookie(claims: TokenClaims): Promise<void> {
  (await cookies()).set(sessionCookieName(), await encodeSession(claims), {
    httpOnly: true,
    sameSite: "lax",
    secure: env().PUBLIC_SCHEME === "https",
    path: "/",
    maxAge: SESSION_MAX_AGE[claims.kind],
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(sessionCookieName());
}
