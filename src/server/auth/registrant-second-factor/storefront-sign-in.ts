/**
 * The second step of a storefront sign-in, for registrants who turned TOTP on: after the password, a
 * signed challenge (keyed to this storefront's host, so it opens nothing elsewhere) and the code
 * page; the session starts only when the code is right. Others get their session at once.
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
type StorefrontSignInRequest = SignInRequest & { host: string };

const scopeOf = (host: string): ChallengeScope => `storefront:${host}`;

export async function continueStorefrontSignIn(
  req: StorefrontSignInRequest,
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

export async function finishStorefrontSignInWithCode(
  req: StorefrontSignInRequest,
  code: string,
): Promise<{ home: string }> {
  const c = openChallenge(req.challenge, "code", Date.now(), scopeOf(req.host));
  const registrant =
    c &&
    (await db.registrant.findUnique({
      where: { id: c.sub },
      select: { id: true, email: true, resellerId: true, disabledAt: true, sessionVersion: true },
    }));
  if (
    !c ||
    !registrant ||
    registrant.disabledAt ||
    registrant.sessionVersion !== c.sv ||
    registrant.resellerId !== c.resellerId
  )
    throw new AppError("UNAUTHENTICATED", CHALLENGE_EXPIRED);
  await verifyRegistrantSecondFactor(registrant, code, req.clientAddress);
  await req.setChallenge(null);
  await req.setSession({
    kind: "registrant",
    sub: registrant.id,
    resellerId: registrant.resellerId,
    host: req.host,
    sv: registrant.sessionVersion,
  });
  return { home: c.next };
}
