/**
 * "Confirm it's you" for a registrant (decisions 072, 120): the password, and the current TOTP or a
 * recovery code, or a passkey made on this storefront, when the registrant has two-factor sign-in.
 * The same budgets as at sign-in; success moves this session's `reauthAt` to now. Without it a
 * registrant could not remove a passkey more than ten minutes after signing in.
 */
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "../passkeys/webauthn-server";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertionOptionsFor } from "../passkeys/ceremony";
import { passkeyOwnerOf } from "../passkeys/manage-passkeys";
import { relyingPartyFor } from "../passkeys/relying-party";
import { verifyPasskeyAssertion } from "../passkeys/verify-passkey";
import { registrantHasTotp } from "../registrant-has-totp";
import { checkConfirmPassword, markReauthenticated } from "../second-factor/confirm-identity";
import { verifyRegistrantSecondFactor } from "./registrant-totp";

type Registrant = Extract<ActorContext, { kind: "registrant" }>;
type ConfirmRequest = { host: string; clientAddress: string; sessionId: string | null };

const CODE_NEEDED = "Enter the code from your authenticator app, or one of your recovery codes.";
const NO_PASSKEY = "You have no passkey here. Enter a code instead.";

async function accountOf(ctx: Registrant) {
  return db.registrant.findFirstOrThrow({
    where: { id: ctx.actorId, resellerId: ctx.resellerId },
    select: { id: true, email: true, resellerId: true, passwordHash: true, disabledAt: true },
  });
}

/** Whether the confirm page asks for a code, and offers a passkey made on this host. */
export async function registrantConfirmSteps(ctx: Registrant, host: string) {
  const askCode = await registrantHasTotp(ctx.actorId);
  const rpId = relyingPartyFor(host).rpID;
  const passkey =
    askCode &&
    (await db.registrantPasskey.count({ where: { registrantId: ctx.actorId, resellerId: ctx.resellerId, rpId } })) > 0;
  return { askCode, passkey };
}

export async function confirmRegistrantIdentity(
  ctx: Registrant,
  input: { password: string; code?: string },
  req: ConfirmRequest,
): Promise<void> {
  if (req.sessionId === null) throw new AppError("UNAUTHENTICATED");
  const account = await accountOf(ctx);
  const hasTotp = await registrantHasTotp(account.id);
  const code = input.code?.trim() ?? "";
  // Asked before the password is checked, so a missing code costs no attempt.
  if (hasTotp && code === "") throw new AppError("INVALID_INPUT", undefined, { fields: { code: CODE_NEEDED } });
  const who = { kind: "registrant", resellerId: account.resellerId } as const;
  await checkConfirmPassword(account, input.password, req.clientAddress, hasTotp, who);
  if (hasTotp) await verifyRegistrantSecondFactor(account, code, req.clientAddress);
  await markReauthenticated(account.id, req.sessionId);
}

export async function registrantConfirmPasskeyOptions(
  ctx: Registrant,
  req: ConfirmRequest,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  if (req.sessionId === null) throw new AppError("UNAUTHENTICATED");
  return assertionOptionsFor(passkeyOwnerOf(ctx), relyingPartyFor(req.host), "confirm", NO_PASSKEY);
}

export async function confirmRegistrantWithPasskey(
  ctx: Registrant,
  input: { password: string; response: AuthenticationResponseJSON },
  req: ConfirmRequest,
): Promise<void> {
  if (req.sessionId === null) throw new AppError("UNAUTHENTICATED");
  const account = await accountOf(ctx);
  const who = { kind: "registrant", resellerId: account.resellerId } as const;
  await checkConfirmPassword(account, input.password, req.clientAddress, true, who);
  const owner = passkeyOwnerOf(ctx);
  await verifyPasskeyAssertion(
    { ...owner, email: account.email },
    relyingPartyFor(req.host),
    input.response,
    req.clientAddress,
    "confirm",
  );
  await markReauthenticated(account.id, req.sessionId);
}
