/**
 * A passkey instead of a TOTP code at the second step of a console sign-in. Only the challenge cookie
 * of a right password leads here, as for the code; the passkeys offered are that account's, made on
 * this host.
 */
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "./webauthn-server";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { openChallenge } from "../second-factor/challenge";
import { CHALLENGE_EXPIRED, claimsOf, openStep, type SignInRequest } from "../second-factor/console-sign-in";
import { assertionOptionsFor } from "./ceremony";
import { relyingPartyFor } from "./relying-party";
import { verifyPasskeyAssertion } from "./verify-passkey";

type PasskeyRequest = SignInRequest & { host: string };

export const NO_PASSKEY = "This account has no passkey here. Enter a code instead.";

/** Whether the code page should offer "Use a passkey" (no account read without a good challenge). */
export async function signInOffersPasskey(token: string | null, host: string): Promise<boolean> {
  const c = openChallenge(token, "code");
  if (!c) return false;
  return (await db.passkey.count({ where: { userId: c.sub, rpId: relyingPartyFor(host).rpID } })) > 0;
}

export async function passkeySignInOptions(req: PasskeyRequest): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const open = await openStep(req.challenge, "code");
  if (!open) throw new AppError("UNAUTHENTICATED", CHALLENGE_EXPIRED);
  return assertionOptionsFor({ kind: "user", id: open.user.id }, relyingPartyFor(req.host), "sign-in", NO_PASSKEY);
}

export async function finishSignInWithPasskey(
  req: PasskeyRequest,
  response: AuthenticationResponseJSON,
): Promise<{ home: string }> {
  const open = await openStep(req.challenge, "code");
  if (!open) throw new AppError("UNAUTHENTICATED", CHALLENGE_EXPIRED);
  await verifyPasskeyAssertion({ kind: "user", ...open.user }, relyingPartyFor(req.host), response, req.clientAddress);
  await req.setChallenge(null);
  await req.setSession(claimsOf(open.challenge));
  return { home: open.challenge.next };
}
