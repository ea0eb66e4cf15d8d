/**
 * The short-lived proof that a password was right, carried between the password and the second step
 * of a console sign-in. HMAC-signed with a key derived from AUTH_SECRET for this purpose only (so it
 * can never pass for a session token), bound to the account and its session version (a password
 * reset voids it), and expiring: five minutes to type a code, fifteen to set up an authenticator.
 */
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/env";

export const CHALLENGE_TTL_MS = { code: 5 * 60_000, enrol: 15 * 60_000 } as const;

const payloadSchema = z.object({
  step: z.enum(["code", "enrol"]),
  sub: z.string().min(1),
  resellerId: z.string().min(1).nullable(),
  sv: z.number().int(),
  next: z.string().min(1),
  exp: z.number().int(),
});

export type Challenge = z.infer<typeof payloadSchema>;
export type ChallengeStep = Challenge["step"];

/**
 * Where a challenge is valid: the console, or one storefront host (a registrant's sign-in). Each has
 * its own derived key, so a challenge from one never opens a step of another.
 */
export type ChallengeScope = "console" | `storefront:${string}`;

function key(scope: ChallengeScope): Buffer {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return Buffer.from(hkdfSync("sha256", secret, "", `${scope}-sign-in-challenge`, 32));
}

function sign(body: string, scope: ChallengeScope): Buffer {
  return createHmac("sha256", key(scope)).update(body).digest();
}

export function signChallenge(c: Omit<Challenge, "exp">, now = Date.now(), scope: ChallengeScope = "console"): string {
  const body = Buffer.from(JSON.stringify({ ...c, exp: now + CHALLENGE_TTL_MS[c.step] })).toString("base64url");
  return `${body}.${sign(body, scope).toString("base64url")}`;
}

/** The challenge if `token` is ours, unexpired and for `step`; null for anything else. */
export function openChallenge(
  token: string | null | undefined,
  step: ChallengeStep,
  now = Date.now(),
  scope: ChallengeScope = "console",
): Challenge | null {
  const [body, mac, extra] = (token ?? "").split(".");
  if (!body || !mac || extra !== undefined) return null;
  const given = Buffer.from(mac, "base64url");
  const expected = sign(body, scope);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success || parsed.data.step !== step || parsed.data.exp <= now) return null;
  return parsed.data;
}
