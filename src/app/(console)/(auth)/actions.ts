"use server";
/**
 * Console sign-in (password, then the second factor where the account has or needs one), password
 * reset and invitation acceptance (console host only).
 */
import { definePublicAction } from "@/server/action-client";
import { acceptInvitation } from "@/server/auth/accept-invitation";
import {
  acceptInvitationSchema,
  forgotPasswordSchema,
  resetPasswordSchema,
  secondFactorCodeSchema,
  signInSchema,
} from "@/server/auth/form-schemas";
import { requestPasswordReset } from "@/server/auth/request-password-reset";
import { safeNextPath } from "@/server/auth/require-context";
import { resetPassword } from "@/server/auth/reset-password";
import { signInUser } from "@/server/auth/sign-in-user";
import {
  continueConsoleSignIn,
  finishSignInWithCode,
  finishSignInWithEnrolment,
} from "@/server/auth/second-factor/console-sign-in";
import { passkeySignInSchema } from "@/server/auth/passkeys/response-schemas";
import { finishSignInWithPasskey, passkeySignInOptions } from "@/server/auth/passkeys/sign-in-with-passkey";
import { z } from "zod";

export const signInToConsole = definePublicAction({
  area: "console",
  input: signInSchema,
  handler: async (req, input) => {
    const { claims, home } = await signInUser(input, req.clientAddress);
    // Only follow `next` into the console the person actually belongs to.
    return continueConsoleSignIn(req, claims, safeNextPath(input.next, { under: home }) ?? home);
  },
  redirectTo: (d) => d.home,
});

/** The "Enter the 6-digit code" step: only the challenge cookie from a right password leads here. */
export const verifyConsoleSignInCode = definePublicAction({
  area: "console",
  input: secondFactorCodeSchema,
  handler: (req, input) => finishSignInWithCode(req, input.code),
  redirectTo: (d) => d.home,
});

/** "Use a passkey" on the code step: options for the account the challenge cookie names (096). */
export const startConsoleSignInPasskey = definePublicAction({
  area: "console",
  input: z.object({}),
  handler: (req) => passkeySignInOptions(req),
});

/** The passkey's answer instead of a code; the page navigates to `home` itself. */
export const verifyConsoleSignInPasskey = definePublicAction({
  area: "console",
  input: passkeySignInSchema,
  handler: (req, input) => finishSignInWithPasskey(req, input.response),
});

/** Enrolment owed at sign-in: the session starts once a code confirms the authenticator. */
export const confirmConsoleSignInTwoFactor = definePublicAction({
  area: "console",
  input: secondFactorCodeSchema,
  // No redirect: the recovery codes are shown once, on this page.
  handler: (req, input) => finishSignInWithEnrolment(req, input.code),
});

export const requestConsolePasswordReset = definePublicAction({
  area: "console",
  input: forgotPasswordSchema,
  handler: async (_req, input) => {
    await requestPasswordReset({ kind: "user" }, input.email);
    return { email: input.email };
  },
});

export const resetConsolePassword = definePublicAction({
  area: "console",
  input: resetPasswordSchema,
  handler: async (_req, input) => {
    await resetPassword({ kind: "user" }, input);
    return { done: true };
  },
  redirectTo: () => "/sign-in?reset=1",
});

export const acceptConsoleInvitation = definePublicAction({
  area: "console",
  input: acceptInvitationSchema,
  handler: async (req, input) => {
    const { claims, home } = await acceptInvitation(input, req.clientAddress);
    return continueConsoleSignIn(req, claims, home);
  },
  redirectTo: (d) => d.home,
});
