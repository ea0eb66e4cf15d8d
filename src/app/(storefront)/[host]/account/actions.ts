"use server";
/**
 * A registrant's own account on this storefront: name, password, optional two-factor sign-in and
 * passkeys, "Confirm it's you", sessions, sign out everywhere.
 */
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { changePassword } from "@/server/auth/change-password";
import { signOutEverywhere } from "@/server/auth/end-sessions";
import { changePasswordSchema } from "@/server/auth/form-schemas";
import { revokeSession, revokeSessionInput } from "@/server/auth/revoke-session";
import { profileInput, updateProfile } from "@/server/auth/update-profile";
import { disableTwoFactorSchema, secondFactorCodeSchema } from "@/server/auth/form-schemas";
import { disableRegistrantTotp, enableRegistrantTotp } from "@/server/auth/registrant-second-factor/registrant-totp";
import { confirmIdentitySchema } from "@/server/auth/form-schemas";
import { removePasskey, renamePasskey } from "@/server/auth/passkeys/manage-passkeys";
import {
  confirmWithPasskeySchema,
  registerPasskeySchema,
  removePasskeySchema,
  renamePasskeySchema,
} from "@/server/auth/passkeys/response-schemas";
import {
  registerRegistrantPasskey,
  registrantPasskeyOptions,
} from "@/server/auth/registrant-second-factor/registrant-passkeys";
import {
  confirmRegistrantIdentity,
  confirmRegistrantWithPasskey,
  registrantConfirmPasskeyOptions,
} from "@/server/auth/registrant-second-factor/confirm-registrant";
import { safeNextPath } from "@/server/auth/require-context";

export const updateRegistrantProfile = defineAction({
  area: "storefront",
  input: profileInput,
  handler: async (ctx, input) => updateProfile(ctx, input),
});

export const changeRegistrantPassword = defineAction({
  area: "storefront",
  input: changePasswordSchema,
  allowSuspended: true,
  handler: async (ctx, input, req) => {
    // This session carries on; every other one ends.
    await changePassword(ctx, input, { currentSessionId: req.sessionId });
    return { changed: true };
  },
});

export const revokeRegistrantSession = defineAction({
  area: "storefront",
  input: revokeSessionInput,
  allowSuspended: true,
  handler: async (ctx, input, req) => {
    await revokeSession(ctx, input);
    if (input.sessionId === req.sessionId) await req.clearSession();
    return { revoked: true };
  },
});

export const signOutRegistrantEverywhere = defineAction({
  area: "storefront",
  input: z.object({}),
  allowSuspended: true,
  handler: async (ctx, _input, req) => {
    await signOutEverywhere(ctx);
    await req.clearSession();
    return { signedOut: true };
  },
  redirectTo: () => "/sign-in",
});

// Turning it on does not refresh the page: the recovery codes in the form's result are shown only once.
export const enableRegistrantTwoFactor = defineAction({
  area: "storefront",
  input: secondFactorCodeSchema,
  write: false,
  allowSuspended: true,
  handler: async (ctx, input, req) => ({
    recoveryCodes: await enableRegistrantTotp(ctx, input.code, req.clientAddress),
  }),
});

export const disableRegistrantTwoFactor = defineAction({
  area: "storefront",
  input: disableTwoFactorSchema,
  write: false,
  allowSuspended: true,
  refresh: true,
  handler: async (ctx, input, req) => {
    await disableRegistrantTotp(ctx, input, req);
    return { disabled: true };
  },
});

// One's own credentials: no tenant data is written, and a suspended reseller's customer may still secure the account.
const ownAccount = { write: false, allowSuspended: true } as const;

// Passkeys (decision 120): adding one and removing one want a recent confirmation, as for staff (096).
export const startRegistrantPasskey = defineAction({
  area: "storefront",
  input: z.object({}),
  ...ownAccount,
  reauth: true,
  handler: (ctx, _input, req) => registrantPasskeyOptions(ctx, req.host),
});

export const addRegistrantPasskey = defineAction({
  area: "storefront",
  input: registerPasskeySchema,
  ...ownAccount,
  reauth: true,
  refresh: true,
  handler: (ctx, input, req) => registerRegistrantPasskey(ctx, req.host, input),
});

export const renameRegistrantPasskey = defineAction({
  area: "storefront",
  input: renamePasskeySchema,
  ...ownAccount,
  refresh: true,
  handler: async (ctx, input) => {
    await renamePasskey(ctx, input);
    return { renamed: true };
  },
});

export const removeRegistrantPasskey = defineAction({
  area: "storefront",
  input: removePasskeySchema,
  ...ownAccount,
  reauth: true,
  refresh: true,
  handler: async (ctx, input) => {
    await removePasskey(ctx, input);
    return { removed: true };
  },
});

// "Confirm it's you" (072, 120): refreshes this session's proof and goes back to the page that asked.
export const confirmRegistrantIdentityAction = defineAction({
  area: "storefront",
  input: confirmIdentitySchema,
  ...ownAccount,
  handler: async (ctx, input, req) => {
    await confirmRegistrantIdentity(ctx, input, req);
    return { next: safeNextPath(input.next) ?? "/account" };
  },
  redirectTo: (data) => data.next,
});

export const startRegistrantConfirmPasskey = defineAction({
  area: "storefront",
  input: z.object({}),
  ...ownAccount,
  handler: (ctx, _input, req) => registrantConfirmPasskeyOptions(ctx, req),
});

// With a passkey instead of the code: the page navigates to `next` itself.
export const confirmRegistrantIdentityWithPasskey = defineAction({
  area: "storefront",
  input: confirmWithPasskeySchema,
  ...ownAccount,
  handler: async (ctx, input, req) => {
    await confirmRegistrantWithPasskey(ctx, input, req);
    return { next: safeNextPath(input.next) ?? "/account" };
  },
});
