/**
 * A passkey instead of a TOTP code at the second step of a console sign-in. Only the challenge cookie
 * of a right password leads here, as for the code; the passkeys offered are that account's, made on
 * this host.
 */
import { generateAuthenticationOptions } from "./webauthn-server";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "./webauthn-server";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { openChallenge } from "../second-factor/challenge";
import { CHALLENGE_EXPIRED, claimsOf, openStep, type SignInRequest } from "../second-factor/console-sign-in";
import { CHALLENGE_TTL_MS, storeChallenge } from "./challenges";
import { relyingPartyFor } from "./relying-party";
import { knownTransports } from "./response-schemas";
import { verifyPasskeyAssertion } from "./verify-passkey";

type PasskeyRequest = SignInRequest & { host: string };

/** Whether the code page should offer "Use a passkey" (no account read without a good challenge). */
export async function signInOffersPasskey(token: string | null, host: string): Promise<boolean> {
  const c = openChallenge(token, "code");
  if (!c) return false;
  return (await db.passkey.count({ where: { userId: c.sub, rpId: relyingPartyFor(host).rpID } })) > 0;
}

export async function passkeySignInOptions(req: PasskeyRequest): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const open = await openStep(req.challenge, "code");
  if (!open) throw new AppError("UNAUTHENTICATED", CHALLENGE_EXPIRED);
  const rp = relyingPartyFor(req.host);
  const passkeys = await db.passkey.findMany({
    where: { userId: open.user.id, rpId: rp.rpID },
    select: { credentialId: true, transports: true },
  });
  if (passkeys.length === 0) throw new AppError("CONFLICT", "This account has no passkey here. Enter a code instead.");
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: knownTransports(p.transports) })),
    userVerification: "preferred",
    timeout: CHALLENGE_TTL_MS,
  });
  await storeChallenge("sign-in", open.user.id, rp, options.challenge);
  return options;
}

export async function finishSignInWithPasskey(
  req: PasskeyRequest,
  response: AuthenticationResponseJSON,
): Promise<{ home: string }> {
  const open = await openStep(req.challenge, "code");
  if (!open) throw new AppError("UNAUTHENTICATED", CHALLENGE_EXPIRED);
  await verifyPasskeyAssertion(open.user, relyingPartyFor(req.host), response, req.clientAddress);
  await req.setChallenge(null);
  await req.setSession(claimsOf(open.challenge));
  return { home: open.challenge.next };
}
