/**
 * Adding a passkey to a console account (docs/decisions/096-passkeys.md): options with a server-side
 * challenge, then the browser's attestation verified against that challenge, this host's origin and
 * RP ID. Only accounts with TOTP on may add one, so the recovery codes stay the way back when a
 * device is lost.
 */
import { generateRegistrationOptions, verifyRegistrationResponse } from "./webauthn-server";
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "./webauthn-server";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { TOTP_ISSUER } from "../second-factor/totp";
import { CHALLENGE_TTL_MS, storeChallenge, takeChallenge } from "./challenges";
import { relyingPartyFor } from "./relying-party";
import { knownTransports } from "./response-schemas";

type Staff = Extract<ActorContext, { kind: "user" | "registrar" }>;

export const MAX_PASSKEYS = 10;
export const TOTP_FIRST = "Turn on two-factor sign-in with an authenticator app first; then add passkeys beside it.";
export const NOT_VERIFIED = "That passkey could not be verified. Try again.";

async function assertCanAdd(userId: string, rpID: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true, totpEnabledAt: true },
  });
  if (!user.totpEnabledAt) throw new AppError("CONFLICT", TOTP_FIRST);
  const existing = await db.passkey.findMany({
    where: { userId, rpId: rpID },
    select: { credentialId: true, transports: true },
  });
  if (existing.length >= MAX_PASSKEYS) throw new AppError("CONFLICT", `You can have at most ${MAX_PASSKEYS} passkeys.`);
  return { user, existing };
}

export async function passkeyRegistrationOptions(
  ctx: Staff,
  host: string,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const rp = relyingPartyFor(host);
  const { user, existing } = await assertCanAdd(ctx.actorId, rp.rpID);
  const options = await generateRegistrationOptions({
    rpName: TOTP_ISSUER,
    rpID: rp.rpID,
    userName: user.email,
    userDisplayName: user.name,
    // The account id, not the email: the handle is stored on the authenticator.
    userID: new TextEncoder().encode(ctx.actorId),
    timeout: CHALLENGE_TTL_MS,
    attestationType: "none",
    // The same authenticator twice would be one factor counted twice.
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: knownTransports(p.transports) })),
    // A second factor after the password: the device's own PIN or biometric is welcome, not required.
    authenticatorSelection: { residentKey: "discouraged", userVerification: "preferred" },
  });
  await storeChallenge("register", ctx.actorId, rp, options.challenge);
  return options;
}

export async function registerPasskey(
  ctx: Staff,
  host: string,
  input: { name: string; response: RegistrationResponseJSON },
): Promise<{ passkeyId: string }> {
  const rp = relyingPartyFor(host);
  await assertCanAdd(ctx.actorId, rp.rpID);
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: (challenge) => takeChallenge("register", ctx.actorId, rp, challenge),
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    });
  } catch {
    throw new AppError("INVALID_INPUT", NOT_VERIFIED);
  }
  if (!verified.verified) throw new AppError("INVALID_INPUT", NOT_VERIFIED);
  const { credential } = verified.registrationInfo;
  const taken = await db.passkey.findUnique({ where: { credentialId: credential.id }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", "That passkey is already registered.");
  return db.$transaction(async (tx) => {
    const row = await tx.passkey.create({
      data: {
        userId: ctx.actorId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: credential.transports ?? input.response.response.transports ?? [],
        rpId: rp.rpID,
        name: input.name,
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: "passkey.add",
      entity: "user",
      entityId: ctx.actorId,
      after: { passkeyId: row.id, name: input.name, rpId: rp.rpID },
    });
    return { passkeyId: row.id };
  });
}
