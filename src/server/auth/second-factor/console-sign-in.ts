/**
 * The second step of a console sign-in (docs/decisions/071-second-factor.md). After the password,
 * an account with TOTP gets a signed challenge and the code page; an account whose role requires a
 * second factor but has none gets an enrolment-only challenge and the set-up page; nobody else is
 * asked. No session record exists until the second step passes.
 */
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { SessionClaims } from "../session-token";
import { openChallenge, signChallenge, type Challenge, type ChallengeStep } from "./challenge";
import { confirmTotpEnrolment, pendingTotpEnrolment } from "./enrol-totp";
import { requiresSecondFactor } from "../second-factor-policy";
import { verifySecondFactor } from "./verify-second-factor";

export const CODE_PAGE = "/sign-in/code";
export const ENROL_PAGE = "/sign-in/two-factor-setup";
export const CHALLENGE_EXPIRED = "Your sign-in has expired. Sign in again with your email and password.";

/** What the second step needs of the request; `ActionRequest` provides it. */
export type SignInRequest = {
  clientAddress: string;
  challenge: string | null;
  setChallenge(token: string | null): Promise<void>;
  setSession(claims: SessionClaims): Promise<void>;
};

type UserClaims = Extract<SessionClaims, { kind: "user" }>;

/** After a right password: a session, or the page of the step still owed. */
export async function continueConsoleSignIn(
  req: SignInRequest,
  claims: SessionClaims,
  next: string,
): Promise<{ home: string }> {
  if (claims.kind !== "user") throw new AppError("FORBIDDEN");
  const user = await db.user.findUniqueOrThrow({
    where: { id: claims.sub },
    select: { totpEnabledAt: true, memberships: { select: { role: true } } },
  });
  const step: ChallengeStep | null = user.totpEnabledAt
    ? "code"
    : requiresSecondFactor(user.memberships.map((m) => m.role))
      ? "enrol"
      : null;
  if (step === null) {
    await req.setChallenge(null);
    await req.setSession(claims);
    return { home: next };
  }
  await req.setChallenge(signChallenge({ step, sub: claims.sub, resellerId: claims.resellerId, sv: claims.sv, next }));
  return { home: step === "code" ? CODE_PAGE : ENROL_PAGE };
}

/** The challenge of this step and its account, if both are still good. */
export async function openStep(token: string | null, step: ChallengeStep) {
  const c = openChallenge(token, step);
  const user =
    c &&
    (await db.user.findUnique({
      where: { id: c.sub },
      select: { id: true, email: true, disabledAt: true, sessionVersion: true },
    }));
  if (!c || !user || user.disabledAt || user.sessionVersion !== c.sv) return null;
  return { challenge: c, user };
}

export function claimsOf(c: Challenge): UserClaims {
  return { kind: "user", sub: c.sub, resellerId: c.resellerId, sv: c.sv };
}

export async function finishSignInWithCode(req: SignInRequest, code: string): Promise<{ home: string }> {
  const open = await openStep(req.challenge, "code");
  if (!open) throw new AppError("UNAUTHENTICATED", CHALLENGE_EXPIRED);
  await verifySecondFactor(open.user, code, req.clientAddress);
  await req.setChallenge(null);
  await req.setSession(claimsOf(open.challenge));
  return { home: open.challenge.next };
}

/** For the set-up page: whose set-up it is and the secret to show, or null (sign in again). */
export async function signInEnrolment(token: string | null) {
  const open = await openStep(token, "enrol");
  if (!open) return null;
  const pending = await pendingTotpEnrolment(open.user.id);
  return pending && { email: open.user.email, ...pending };
}

async function staffContext(c: Challenge): Promise<Extract<ActorContext, { kind: "user" | "registrar" }>> {
  const m = await db.membership.findFirst({
    where: { userId: c.sub, resellerId: c.resellerId },
    select: { role: true },
  });
  if (!m) throw new AppError("UNAUTHENTICATED", CHALLENGE_EXPIRED);
  if (c.resellerId === null) {
    if (m.role !== "registrar_admin" && m.role !== "registrar_auditor")
      throw new AppError("UNAUTHENTICATED", CHALLENGE_EXPIRED);
    return { kind: "registrar", actorId: c.sub, resellerId: null, role: m.role };
  }
  if (m.role === "registrar_admin" || m.role === "registrar_auditor")
    throw new AppError("UNAUTHENTICATED", CHALLENGE_EXPIRED);
  return { kind: "user", actorId: c.sub, resellerId: c.resellerId, role: m.role };
}

export async function finishSignInWithEnrolment(
  req: SignInRequest,
  code: string,
): Promise<{ home: string; recoveryCodes: string[] }> {
  const open = await openStep(req.challenge, "enrol");
  if (!open) throw new AppError("UNAUTHENTICATED", CHALLENGE_EXPIRED);
  const recoveryCodes = await confirmTotpEnrolment(await staffContext(open.challenge), code, req.clientAddress);
  await req.setChallenge(null);
  await req.setSession(claimsOf(open.challenge));
  return { home: open.challenge.next, recoveryCodes };
}
