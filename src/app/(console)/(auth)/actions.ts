"use server";
/** Console sign-in, password reset and invitation acceptance (console host only). */
import { definePublicAction } from "@/server/action-client";
import { acceptInvitation } from "@/server/auth/accept-invitation";
import { acceptInvitationSchema, forgotPasswordSchema, resetPasswordSchema, signInSchema } from "@/server/auth/form-schemas";
import { requestPasswordReset } from "@/server/auth/request-password-reset";
import { safeNextPath } from "@/server/auth/require-context";
import { resetPassword } from "@/server/auth/reset-password";
import { signInUser } from "@/server/auth/sign-in-user";

export const signInToConsole = definePublicAction({
  area: "console",
  input: signInSchema,
  handler: async (req, input) => {
    const { claims, home } = await signInUser(input, req.clientAddress);
    await req.setSession(claims);
    // Only follow `next` into the console the person actually belongs to.
    return { home: safeNextPath(input.next, { under: home }) ?? home };
  },
  redirectTo: (d) => d.home,
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
    const { claims, home } = await acceptInvitation(input);
    await req.setSession(claims);
    return { home };
  },
  redirectTo: (d) => d.home,
});
