"use server";
/**
 * A registrant's own account on this storefront: name, password, optional two-factor sign-in,
 * sessions, sign out everywhere.
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
