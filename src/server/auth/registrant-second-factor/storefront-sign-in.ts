/**
 * The second step of a storefront sign-in, for registrants who turned TOTP on: after the password, a
 * signed challenge (keyed to this storefront's host, so it opens nothing elsewhere) and the code
 * page; the session starts only when the code (or a passkey, decision 120) is right. Others get
 * their session at once.
 */
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { openChallenge, signChallenge, type ChallengeScope } from "../second-factor/challenge";
import { CHALLENGE_EXPIRED, type SignInRequest } from "../second-factor/console-sign-in";
import type { SessionClaims } from "../session-token";
import { registrantHasTotp } from "../registrant-has-totp";
import { verifyRegistrantSecondFactor } from "./registrant-totp";

export const STOREFRONT_CODE_PAGE = "/sign-in/code";

type RegistrantClaims = Extract<SessionClaims, { kind: "registrant" }>;
/** `resellerId` is the reseller of the storefront at `host`, as the action found it. */
export type StorefrontSignInRequest = SignInRequest & { host: string; resellerId: string };

const scopeOf = (host: string): ChallengeScope => `storefront:${host}`;

export async function continueStorefrontSignIn(
  req: SignInRequest & { host: string },
  claims: RegistrantClaims,
  next: string,
): Promise<{ home: string }> {
  if (!(await registrantHasTotp(claims.sub))) {
    await req.setChallenge(null);
    await req.setSession(claims);
    return { home: next };
  }
  const token = signChallenge(
    { step: "code", sub: claims.sub, resellerId: claims.resellerId, sv: claims.sv, next },
    Date.now(),
    scopeOf(req.host),
  );
  await req.setChallenge(token);
  return { home: STOREFRONT_CODE_PAGE };
}

/** For the code page: whether a good challenge of this storefront is waiting. */
export function storefrontCodeStepOpen(token: string | null, host: string): boolean {
  return openChallenge(token, "code", Date.now(), scopeOf(host)) !== null;
}

/** The challenge of this storefront's code step and its registrant, if both are still good. */
export async function openStorefrontStep(token: string | null, host: string, resellerId: string) {
  const c = openChallenge(token, "code", Date.now(), scopeOf(host));
  if (!c || c.resellerId !== resellerId) return null;
  const registrant = await db.registrant.findUnique({
    where: { id: c.sub },
    select: { id: true, email: true, resellerId: true, disabledAt: true, sessionVersion: true },
  });
  if (
    !registrant ||
    registrant.disabledAt ||
    registrant.sessionVersion !== c.sv ||
    registrant.resellerId !== resellerId
  )
    return null;
  return { challenge: c, registrant };
}

/** The second step passed: the challenge cookie goes, the session starts. */
export async function startRegistrantSession(
  req: StorefrontSignInRequest,
  registrant: { id: string; resellerId: string; sessionVersion: number },
): Promise<void> {
  await req.setChallenge(null);
  await req.setSession({
    kind: "registrant",
    sub: registrant.id,
    resellerId: registrant.resellerId,
    host: req.host,
    sv: registrant.sessionVersion,
  });
}

export async function finishStorefrontSignInWithCode(
  req: StorefrontSignInRequest,
  code: string,
): Promise<{ home: string }> {
  const open = await openStorefrontStep(req.challenge, req.host, req.resellerId);
  if (!open) throw new AppError("UNAUTHENTICATED", CHALLENGE_EXPIRED);
  await verifyRegistrantSecondFactor(open.registrant, code, req.clientAddress);
  await startRegistrantSession(req, open.registrant);
  return { home: open.challenge.next };
}
