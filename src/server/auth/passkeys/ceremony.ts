/**
 * The two WebAuthn ceremonies, once for every kind of account (decisions 096, 120): options with a
 * challenge kept on the server, and the attestation checked against that challenge, this host's
 * origin and RP ID. Whose passkeys they are is the `PasskeyOwner`; the rules (at most ten, no
 * authenticator twice, attestation "none", user verification preferred) are the same for all.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyRegistrationResponse,
} from "./webauthn-server";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "./webauthn-server";
import { AppError } from "@/server/errors";
import { TOTP_ISSUER } from "../second-factor/totp";
import { CHALLENGE_TTL_MS, storeChallenge, takeChallenge, type CeremonyPurpose } from "./challenges";
import { credentialsOf, credentialTaken, type NewPasskey, type PasskeyOwner } from "./passkey-owner";
import type { RelyingParty } from "./relying-party";
import { knownTransports } from "./response-schemas";

export const MAX_PASSKEYS = 10;
export const NOT_VERIFIED = "That passkey could not be verified. Try again.";

const allowList = (list: { credentialId: string; transports: string[] }[]) =>
  list.map((p) => ({ id: p.credentialId, transports: knownTransports(p.transports) }));

/** Throws unless the owner has room for one more passkey here; returns the ones they have. */
export async function assertRoomForPasskey(owner: PasskeyOwner, rp: RelyingParty) {
  const existing = await credentialsOf(owner, rp.rpID);
  if (existing.length >= MAX_PASSKEYS) throw new AppError("CONFLICT", `You can have at most ${MAX_PASSKEYS} passkeys.`);
  return existing;
}

export async function registrationOptionsFor(
  owner: PasskeyOwner,
  account: { email: string; name: string },
  rp: RelyingParty,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await assertRoomForPasskey(owner, rp);
  const options = await generateRegistrationOptions({
    rpName: TOTP_ISSUER,
    rpID: rp.rpID,
    userName: account.email,
    userDisplayName: account.name,
    // The account id, not the email: the handle is stored on the authenticator.
    userID: new TextEncoder().encode(owner.id),
    timeout: CHALLENGE_TTL_MS,
    attestationType: "none",
    // The same authenticator twice would be one factor counted twice.
    excludeCredentials: allowList(existing),
    // A second factor after the password: the device's own PIN or biometric is welcome, not required.
    authenticatorSelection: { residentKey: "discouraged", userVerification: "preferred" },
  });
  await storeChallenge("register", owner, rp, options.challenge);
  return options;
}

/** The verified new credential, ready to store under `name`; throws on any refusal. */
export async function verifyRegistrationFor(
  owner: PasskeyOwner,
  rp: RelyingParty,
  input: { name: string; response: RegistrationResponseJSON },
): Promise<NewPasskey> {
  await assertRoomForPasskey(owner, rp);
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: (challenge) => takeChallenge("register", owner, rp, challenge),
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    });
  } catch {
    throw new AppError("INVALID_INPUT", NOT_VERIFIED);
  }
  if (!verified.verified) throw new AppError("INVALID_INPUT", NOT_VERIFIED);
  const { credential } = verified.registrationInfo;
  if (await credentialTaken(owner, credential.id))
    throw new AppError("CONFLICT", "That passkey is already registered.");
  return {
    credentialId: credential.id,
    publicKey: credential.publicKey,
    counter: BigInt(credential.counter),
    transports: credential.transports ?? input.response.response.transports ?? [],
    rpId: rp.rpID,
    name: input.name,
  };
}

/** Options asking for one of the owner's passkeys made here; `none` is the refusal when there is none. */
export async function assertionOptionsFor(
  owner: PasskeyOwner,
  rp: RelyingParty,
  purpose: Exclude<CeremonyPurpose, "register">,
  none: string,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const passkeys = await credentialsOf(owner, rp.rpID);
  if (passkeys.length === 0) throw new AppError("CONFLICT", none);
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: allowList(passkeys),
    userVerification: "preferred",
    timeout: CHALLENGE_TTL_MS,
  });
  await storeChallenge(purpose, owner, rp, options.challenge);
  return options;
}
