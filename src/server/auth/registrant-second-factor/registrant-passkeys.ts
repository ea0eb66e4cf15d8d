/**
 * A registrant's passkeys on the storefront they are signed in to (docs/decisions/120-registrant-passkeys.md):
 * the staff ceremony (`passkeys/ceremony.ts`) with this storefront's host as the relying party and
 * the registrant's own tables. As for staff (096), only beside TOTP, so the recovery codes stay the
 * way back when a device is lost.
 */
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "../passkeys/webauthn-server";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { registrationOptionsFor, verifyRegistrationFor } from "../passkeys/ceremony";
import { passkeyOwnerOf } from "../passkeys/manage-passkeys";
import { createPasskey } from "../passkeys/passkey-owner";
import { relyingPartyFor } from "../passkeys/relying-party";
import { registrantHasTotp } from "../registrant-has-totp";

type Registrant = Extract<ActorContext, { kind: "registrant" }>;

export const REGISTRANT_TOTP_FIRST =
  "Turn on two-factor sign-in with an authenticator app first; then add passkeys beside it.";

async function accountWithTotp(ctx: Registrant) {
  const registrant = await db.registrant.findFirstOrThrow({
    where: { id: ctx.actorId, resellerId: ctx.resellerId },
    select: { email: true, name: true },
  });
  if (!(await registrantHasTotp(ctx.actorId))) throw new AppError("CONFLICT", REGISTRANT_TOTP_FIRST);
  return registrant;
}

export async function registrantPasskeyOptions(
  ctx: Registrant,
  host: string,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const account = await accountWithTotp(ctx);
  return registrationOptionsFor(passkeyOwnerOf(ctx), account, relyingPartyFor(host));
}

export async function registerRegistrantPasskey(
  ctx: Registrant,
  host: string,
  input: { name: string; response: RegistrationResponseJSON },
): Promise<{ passkeyId: string }> {
  await accountWithTotp(ctx);
  const owner = passkeyOwnerOf(ctx);
  const passkey = await verifyRegistrationFor(owner, relyingPartyFor(host), input);
  return db.$transaction(async (tx) => {
    const passkeyId = await createPasskey(tx, owner, passkey);
    await recordAudit(tx, ctx, {
      action: "passkey.add",
      entity: "registrant",
      entityId: ctx.actorId,
      after: { passkeyId, name: input.name, rpId: passkey.rpId },
    });
    return { passkeyId };
  });
}
