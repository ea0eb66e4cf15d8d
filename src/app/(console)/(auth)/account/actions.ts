"use server";
/**
 * Console staff's own account: password, two-factor sign-in, sessions and "sign out everywhere". Reseller staff and
 * registrar staff are different areas, so each action exists once per area with the same handler.
 */
import { defineAction, type ActionRequest } from "@/server/action-client";
import { changePassword } from "@/server/auth/change-password";
import { signOutEverywhere } from "@/server/auth/end-sessions";
import {
  changePasswordSchema,
  confirmIdentitySchema,
  disableTwoFactorSchema,
  secondFactorCodeSchema,
} from "@/server/auth/form-schemas";
import { confirmIdentity } from "@/server/auth/second-factor/confirm-identity";
import { safeNextPath } from "@/lib/safe-next-path";
import { disableTotp } from "@/server/auth/second-factor/disable-totp";
import { confirmTotpEnrolment } from "@/server/auth/second-factor/enrol-totp";
import { revokeSession, revokeSessionInput } from "@/server/auth/revoke-session";
import type { ActorContext } from "@/server/context";
import { removePasskey, renamePasskey } from "@/server/auth/passkeys/manage-passkeys";
import { passkeyRegistrationOptions, registerPasskey } from "@/server/auth/passkeys/register-passkey";
import {
  confirmWithPasskeySchema,
  registerPasskeySchema,
  removePasskeySchema,
  renamePasskeySchema,
} from "@/server/auth/passkeys/response-schemas";
import { confirmIdentityWithPasskey, confirmPasskeyOptions } from "@/server/auth/passkeys/confirm-with-passkey";
import { z } from "zod";

type Staff = Extract<ActorContext, { kind: "user" | "registrar" }>;

async function changeOwnPassword(ctx: Staff, input: z.output<typeof changePasswordSchema>, req: ActionRequest) {
  // This session carries on; every other one ends.
  await changePassword(ctx, input, { currentSessionId: req.sessionId });
  return { changed: true };
}

async function endAllSessions(ctx: Staff, _input: unknown, req: ActionRequest) {
  await signOutEverywhere(ctx);
  await req.clearSession();
  return { signedOut: true };
}

async function endOneSession(ctx: Staff, input: z.output<typeof revokeSessionInput>, req: ActionRequest) {
  await revokeSession(ctx, input);
  if (input.sessionId === req.sessionId) await req.clearSession();
  return { revoked: true };
}

async function enableTwoFactor(ctx: Staff, input: z.output<typeof secondFactorCodeSchema>, req: ActionRequest) {
  return { recoveryCodes: await confirmTotpEnrolment(ctx, input.code, req.clientAddress) };
}

async function disableTwoFactor(ctx: Staff, input: z.output<typeof disableTwoFactorSchema>, req: ActionRequest) {
  await disableTotp(ctx, input, req);
  return { disabled: true };
}

// One's own account stays manageable while a reseller is suspended, and for auditors.
const ownAccount = { write: false, allowSuspended: true } as const;

export const changeResellerStaffPassword = defineAction({
  area: "console",
  input: changePasswordSchema,
  ...ownAccount,
  handler: changeOwnPassword,
});
export const changeRegistrarStaffPassword = defineAction({
  area: "registrar",
  input: changePasswordSchema,
  ...ownAccount,
  handler: changeOwnPassword,
});

export const revokeResellerStaffSession = defineAction({
  area: "console",
  input: revokeSessionInput,
  ...ownAccount,
  refresh: true,
  handler: endOneSession,
});
export const revokeRegistrarStaffSession = defineAction({
  area: "registrar",
  input: revokeSessionInput,
  ...ownAccount,
  refresh: true,
  handler: endOneSession,
});

export const signOutResellerStaffEverywhere = defineAction({
  area: "console",
  input: z.object({}),
  ...ownAccount,
  handler: endAllSessions,
  redirectTo: () => "/sign-in",
});
export const signOutRegistrarStaffEverywhere = defineAction({
  area: "registrar",
  input: z.object({}),
  ...ownAccount,
  handler: endAllSessions,
  redirectTo: () => "/sign-in",
});

// Enabling does not refresh the page: the recovery codes in the form's result are shown only once.
export const enableResellerStaffTwoFactor = defineAction({
  area: "console",
  input: secondFactorCodeSchema,
  ...ownAccount,
  handler: enableTwoFactor,
});
export const enableRegistrarStaffTwoFactor = defineAction({
  area: "registrar",
  input: secondFactorCodeSchema,
  ...ownAccount,
  handler: enableTwoFactor,
});
export const disableResellerStaffTwoFactor = defineAction({
  area: "console",
  input: disableTwoFactorSchema,
  ...ownAccount,
  reauth: true,
  refresh: true,
  handler: disableTwoFactor,
});
export const disableRegistrarStaffTwoFactor = defineAction({
  area: "registrar",
  input: disableTwoFactorSchema,
  ...ownAccount,
  reauth: true,
  refresh: true,
  handler: disableTwoFactor,
});

// "Confirm it's you" (072): refreshes this session's proof and goes back to the page that asked for it.
async function confirmItsYou(ctx: Staff, input: z.output<typeof confirmIdentitySchema>, req: ActionRequest) {
  await confirmIdentity(ctx.actorId, input, req);
  const home = ctx.kind === "registrar" ? "/registrar" : "/console";
  return { next: safeNextPath(input.next) ?? home };
}

export const confirmResellerStaffIdentity = defineAction({
  area: "console",
  input: confirmIdentitySchema,
  ...ownAccount,
  handler: confirmItsYou,
  redirectTo: (data) => data.next,
});
export const confirmRegistrarStaffIdentity = defineAction({
  area: "registrar",
  input: confirmIdentitySchema,
  ...ownAccount,
  handler: confirmItsYou,
  redirectTo: (data) => data.next,
});

// The same with a passkey instead of the code (096): the page navigates to `next` itself.
const startConfirmPasskey = (ctx: Staff, _input: unknown, req: ActionRequest) =>
  confirmPasskeyOptions(ctx.actorId, req);
async function confirmItsYouWithPasskey(
  ctx: Staff,
  input: z.output<typeof confirmWithPasskeySchema>,
  req: ActionRequest,
) {
  await confirmIdentityWithPasskey(ctx.actorId, input, req);
  const home = ctx.kind === "registrar" ? "/registrar" : "/console";
  return { next: safeNextPath(input.next) ?? home };
}

export const startResellerStaffConfirmPasskey = defineAction({
  area: "console",
  input: z.object({}),
  ...ownAccount,
  handler: startConfirmPasskey,
});
export const startRegistrarStaffConfirmPasskey = defineAction({
  area: "registrar",
  input: z.object({}),
  ...ownAccount,
  handler: startConfirmPasskey,
});
export const confirmResellerStaffIdentityWithPasskey = defineAction({
  area: "console",
  input: confirmWithPasskeySchema,
  ...ownAccount,
  handler: confirmItsYouWithPasskey,
});
export const confirmRegistrarStaffIdentityWithPasskey = defineAction({
  area: "registrar",
  input: confirmWithPasskeySchema,
  ...ownAccount,
  handler: confirmItsYouWithPasskey,
});

// Passkeys (096): adding one and removing one want a recent confirmation, like the second factor itself.
const startPasskey = (ctx: Staff, _input: unknown, req: ActionRequest) => passkeyRegistrationOptions(ctx, req.host);
const addPasskey = (ctx: Staff, input: z.output<typeof registerPasskeySchema>, req: ActionRequest) =>
  registerPasskey(ctx, req.host, input);
async function renameOwnPasskey(ctx: Staff, input: z.output<typeof renamePasskeySchema>) {
  await renamePasskey(ctx, input);
  return { renamed: true };
}
async function removeOwnPasskey(ctx: Staff, input: z.output<typeof removePasskeySchema>) {
  await removePasskey(ctx, input);
  return { removed: true };
}

export const startResellerStaffPasskey = defineAction({
  area: "console",
  input: z.object({}),
  ...ownAccount,
  reauth: true,
  handler: startPasskey,
});
export const startRegistrarStaffPasskey = defineAction({
  area: "registrar",
  input: z.object({}),
  ...ownAccount,
  reauth: true,
  handler: startPasskey,
});
export const addResellerStaffPasskey = defineAction({
  area: "console",
  input: registerPasskeySchema,
  ...ownAccount,
  reauth: true,
  refresh: true,
  handler: addPasskey,
});
export const addRegistrarStaffPasskey = defineAction({
  area: "registrar",
  input: registerPasskeySchema,
  ...ownAccount,
  reauth: true,
  refresh: true,
  handler: addPasskey,
});
export const renameResellerStaffPasskey = defineAction({
  area: "console",
  input: renamePasskeySchema,
  ...ownAccount,
  refresh: true,
  handler: renameOwnPasskey,
});
export const renameRegistrarStaffPasskey = defineAction({
  area: "registrar",
  input: renamePasskeySchema,
  ...ownAccount,
  refresh: true,
  handler: renameOwnPasskey,
});
export const removeResellerStaffPasskey = defineAction({
  area: "console",
  input: removePasskeySchema,
  ...ownAccount,
  reauth: true,
  refresh: true,
  handler: removeOwnPasskey,
});
export const removeRegistrarStaffPasskey = defineAction({
  area: "registrar",
  input: removePasskeySchema,
  ...ownAccount,
  reauth: true,
  refresh: true,
  handler: removeOwnPasskey,
});
