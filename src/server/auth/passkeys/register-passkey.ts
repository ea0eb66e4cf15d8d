/**
 * Adding a passkey to a console account (docs/decisions/096-passkeys.md): the ceremony of
 * `ceremony.ts` for a staff account. Only accounts with TOTP on may add one, so the recovery codes
 * stay the way back when a device is lost.
 */
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "./webauthn-server";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { registrationOptionsFor, verifyRegistrationFor } from "./ceremony";
import { createPasskey } from "./passkey-owner";
import { relyingPartyFor } from "./relying-party";

export { MAX_PASSKEYS, NOT_VERIFIED } from "./ceremony";

type Staff = Extract<ActorContext, { kind: "user" | "registrar" }>;

export const TOTP_FIRST = "Turn on two-factor sign-in with an authenticator app first; then add passkeys beside it.";

async function accountWithTotp(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true, totpEnabledAt: true },
  });
  if (!user.totpEnabledAt) throw new AppError("CONFLICT", TOTP_FIRST);
  return user;
}

export async function passkeyRegistrationOptions(
  ctx: Staff,
  host: string,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const user = await accountWithTotp(ctx.actorId);
  return registrationOptionsFor({ kind: "user", id: ctx.actorId }, user, relyingPartyFor(host));
}

export async function registerPasskey(
  ctx: Staff,
  host: string,
  input: { name: string; response: RegistrationResponseJSON },
): Promise<{ passkeyId: string }> {
  await accountWithTotp(ctx.actorId);
  const owner = { kind: "user", id: ctx.actorId } as const;
  const passkey = await verifyRegistrationFor(owner, relyingPartyFor(host), input);
  return db.$transaction(async (tx) => {
    const passkeyId = await createPasskey(tx, owner, passkey);
    await recordAudit(tx, ctx, {
      action: "passkey.add",
      entity: "user",
      entityId: ctx.actorId,
      after: { passkeyId, name: input.name, rpId: passkey.rpId },
    });
    return { passkeyId };
  });
}
