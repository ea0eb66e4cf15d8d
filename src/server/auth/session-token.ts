/**
 * Session tokens are next-auth's: an encrypted JWT made by `next-auth/jwt` with the AUTH_SECRET, in
 * next-auth's cookie (docs/decisions/011-sessions-next-auth-jwt.md). The claims name the subject,
 * its tenant, the storefront host a registrant signed in on, the session version that role changes,
 * resets and sign-out-everywhere bump, and the id of the server-side session record
 * (docs/decisions/068-sign-in-limits-and-sessions.md), which sign-out revokes at once.
 */
import "server-only";
import { decode, encode } from "next-auth/jwt";
import { z } from "zod";
import { env } from "@/env";

const claimsSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("user"),
    sub: z.string().min(1),
    resellerId: z.string().min(1).nullable(),
    sv: z.number().int(),
  }),
  z.object({
    kind: z.literal("registrant"),
    sub: z.string().min(1),
    resellerId: z.string().min(1),
    host: z.string().min(1),
    sv: z.number().int(),
  }),
]);

/** Who a sign-in is for, as the sign-in services return it; `startSession` adds the record's id. */
export type SessionClaims = z.infer<typeof claimsSchema>;
export type TokenClaims = SessionClaims & { sid: string };

const tokenSchema = claimsSchema.and(z.object({ sid: z.string().min(1) }));

/** Console sessions are short; storefront customers expect to stay signed in. */
export const SESSION_MAX_AGE = { user: 12 * 60 * 60, registrant: 14 * 24 * 60 * 60 } as const;

export function sessionCookieName(): string {
  return env().PUBLIC_SCHEME === "https" ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

function secret(): string {
  const value = env().AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set");
  return value;
}

export async function encodeSession(claims: TokenClaims): Promise<string> {
  return encode({ token: { ...claims }, secret: secret(), maxAge: SESSION_MAX_AGE[claims.kind] });
}

// Decrypting a token derives its key and decrypts on every signed-in request. A token is immutable and
// authenticated, so the same string always holds the same claims: they are kept by the exact string
// until the token's own expiry (revocation is the session record's job, read on every request anyway).
const decoded = new Map<string, { claims: TokenClaims; expiresAt: number }>();
const DECODED_MAX = 10_000;

/** The claims of a token we issued and that has not expired, or null for anything else. */
export async function decodeSession(token: string | undefined): Promise<TokenClaims | null> {
  if (!token) return null;
  const known = decoded.get(token);
  if (known) {
    if (known.expiresAt > Date.now()) return known.claims;
    decoded.delete(token);
  }
  try {
    const payload = await decode({ token, secret: secret() });
    // Tokens from before session records carry no id and are refused: those people sign in again.
    const parsed = tokenSchema.safeParse(payload);
    if (!parsed.success) return null;
    if (typeof payload?.exp === "number") {
      if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value as string);
      decoded.set(token, { claims: Object.freeze(parsed.data), expiresAt: payload.exp * 1000 });
    }
    return parsed.data;
  } catch {
    return null;
  }
}
