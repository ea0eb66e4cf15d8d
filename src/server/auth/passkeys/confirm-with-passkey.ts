/**
 * "Confirm it's you" (072) with a passkey in place of the code (096): the password still, then an
 * assertion by one of the account's passkeys made on this host. The challenge has a purpose of its
 * own, so an answer the browser gave at sign-in cannot confirm, nor the other way round; the
 * password and the passkey spend the sign-in budgets as at sign-in.
 */
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "./webauthn-server";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkConfirmPassword, markReauthenticated } from "../second-factor/confirm-identity";
import { assertionOptionsFor } from "./ceremony";
import { relyingPartyFor } from "./relying-party";
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
  return assertionOptionsFor({ kind: "user", id: actorId }, relyingPartyFor(req.host), "confirm", NO_PASSKEY);
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
  await verifyPasskeyAssertion(
    { kind: "user", id: user.id, email: user.email },
    relyingPartyFor(req.host),
    input.response,
    req.clientAddress,
    "confirm",
  );
  await markReauthenticated(actorId, req.sessionId);
}
