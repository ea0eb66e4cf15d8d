/**
 * "Confirm it's you" (072) with a passkey in place of the code (096): the password still, then an
 * assertion by one of the account's passkeys made on this host. The challenge has a purpose of its
 * own, so an answer the browser gave at sign-in cannot confirm, nor the other way round; the
 * password and the passkey spend the sign-in budgets as at sign-in.
 */
import { generateAuthenticationOptions } from "./webauthn-server";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "./webauthn-server";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkConfirmPassword, markReauthenticated } from "../second-factor/confirm-identity";
import { CHALLENGE_TTL_MS, storeChallenge } from "./challenges";
import { relyingPartyFor } from "./relying-party";
import { knownTransports } from "./response-schemas";
import { verifyPasskeyAssertion } from "./verify-passkey";

type ConfirmRequest = { host: string; clientAddress: string; sessionId: string | null };

const NO_PASSKEY = "You have no passkey here. Enter a code instead.";

/** Whether "Confirm it's you" should offer a passkey to this account on this host. */
export async function confirmOffersPasskey(actorId: string, host: string): Promise<boolean> {
  return (await db.passkey.count({ where: { userId: actorId, rpId: relyingPartyFor(host).rpID } })) > 0;
}

export async function confirmPasskeyOptions(
  actorId: string,
  req: ConfirmRequest,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  if (req.sessionId === null) throw new AppError("UNAUTHENTICATED");
  const rp = relyingPartyFor(req.host);
  const passkeys = await db.passkey.findMany({
    where: { userId: actorId, rpId: rp.rpID },
    select: { credentialId: true, transports: true },
  });
  if (passkeys.length === 0) throw new AppError("CONFLICT", NO_PASSKEY);
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: knownTransports(p.transports) })),
    userVerification: "preferred",
    timeout: CHALLENGE_TTL_MS,
  });
  await storeChallenge("confirm", actorId, rp, options.challenge);
  return options;
}

export async function confirmIdentityWithPasskey(
  actorId: string,
  input: { password: string; response: AuthenticationResponseJSON },
  req: ConfirmRequest,
): Promise<void> {
  if (req.sessionId === null) throw new AppError("UNAUTHENTICATED");
  const user = await db.user.findUniqueOrThrow({
    where: { id: actorId },
    select: { id: true, email: true, passwordHash: true, disabledAt: true },
  });
  await checkConfirmPassword(user, input.password, req.clientAddress, true);
  await verifyPasskeyAssertion(user, relyingPartyFor(req.host), input.response, req.clientAddress, "confirm");
  await markReauthenticated(actorId, req.sessionId);
}
