/**
 * A passkey instead of the code at the second step of a storefront sign-in (decision 120). Only the
 * challenge cookie of a right password on this storefront leads here; the passkeys offered and
 * accepted are that registrant's, of this storefront's reseller, made on this host.
 */
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "../passkeys/webauthn-server";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertionOptionsFor } from "../passkeys/ceremony";
import { relyingPartyFor } from "../passkeys/relying-party";
import { NO_PASSKEY } from "../passkeys/sign-in-with-passkey";
import { verifyPasskeyAssertion } from "../passkeys/verify-passkey";
import { CHALLENGE_EXPIRED } from "../second-factor/console-sign-in";
import { openStorefrontStep, startRegistrantSession, type StorefrontSignInRequest } from "./storefront-sign-in";

/** Whether the code page should offer "Use a passkey" (no account read without a good challenge). */
export async function storefrontSignInOffersPasskey(token: string | null, host: string, resellerId: string) {
  const open = await openStorefrontStep(token, host, resellerId);
  if (!open) return false;
  const rpId = relyingPartyFor(host).rpID;
  return (await db.registrantPasskey.count({ where: { registrantId: open.registrant.id, resellerId, rpId } })) > 0;
}

async function stepOrThrow(req: StorefrontSignInRequest) {
  const open = await openStorefrontStep(req.challenge, req.host, req.resellerId);
  if (!open) throw new AppError("UNAUTHENTICATED", CHALLENGE_EXPIRED);
  const { registrant } = open;
  return { ...open, owner: { kind: "registrant", id: registrant.id, resellerId: registrant.resellerId } as const };
}

export async function storefrontPasskeyOptions(
  req: StorefrontSignInRequest,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { owner } = await stepOrThrow(req);
  return assertionOptionsFor(owner, relyingPartyFor(req.host), "sign-in", NO_PASSKEY);
}

export async function finishStorefrontSignInWithPasskey(
  req: StorefrontSignInRequest,
  response: AuthenticationResponseJSON,
): Promise<{ home: string }> {
  const { owner, registrant, challenge } = await stepOrThrow(req);
  await verifyPasskeyAssertion(
    { ...owner, email: registrant.email },
    relyingPartyFor(req.host),
    response,
    req.clientAddress,
  );
  await startRegistrantSession(req, registrant);
  return { home: challenge.next };
}
