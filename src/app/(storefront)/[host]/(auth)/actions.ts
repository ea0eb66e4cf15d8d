"use server";
/** Storefront sign-in, registration and password reset: always for the reseller that owns this host. */
import { definePublicAction } from "@/server/action-client";
import {
  finishRegistrationSchema,
  forgotPasswordSchema,
  registerSchema,
  resetPasswordSchema,
  signInSchema,
} from "@/server/auth/form-schemas";
import { finishRegistration } from "@/server/auth/finish-registration";
import { requestRegistration } from "@/server/auth/request-registration";
import { requestPasswordReset } from "@/server/auth/request-password-reset";
import { safeNextPath } from "@/server/auth/require-context";
import { resetPassword } from "@/server/auth/reset-password";
import { signInRegistrant } from "@/server/auth/sign-in-registrant";
import {
  continueStorefrontSignIn,
  finishStorefrontSignInWithCode,
} from "@/server/auth/registrant-second-factor/storefront-sign-in";
import { secondFactorCodeSchema } from "@/server/auth/form-schemas";
import { passkeySignInSchema } from "@/server/auth/passkeys/response-schemas";
import {
  finishStorefrontSignInWithPasskey,
  storefrontPasskeyOptions,
} from "@/server/auth/registrant-second-factor/storefront-passkey-sign-in";
import { z } from "zod";

export const signInToStorefront = definePublicAction({
  area: "storefront",
  input: signInSchema,
  handler: async (req, input) => {
    const { claims } = await signInRegistrant(
      { resellerId: req.storefront.id, host: req.host },
      input,
      req.clientAddress,
    );
    // A registrant who turned two-factor sign-in on gets the code page, and no session yet.
    return continueStorefrontSignIn(req, claims, safeNextPath(input.next) ?? "/account");
  },
  redirectTo: (d) => d.home,
});

/** The code step of a storefront sign-in: only the challenge cookie of a right password leads here. */
export const verifyStorefrontSignInCode = definePublicAction({
  area: "storefront",
  input: secondFactorCodeSchema,
  handler: (req, input) => finishStorefrontSignInWithCode({ ...req, resellerId: req.storefront.id }, input.code),
  redirectTo: (d) => d.home,
});

/** "Use a passkey" on the code step: options for the registrant the challenge cookie names (decision 120). */
export const startStorefrontSignInPasskey = definePublicAction({
  area: "storefront",
  input: z.object({}),
  handler: (req) => storefrontPasskeyOptions({ ...req, resellerId: req.storefront.id }),
});

/** The passkey's answer instead of a code; the page navigates to `home` itself. */
export const verifyStorefrontSignInPasskey = definePublicAction({
  area: "storefront",
  input: passkeySignInSchema,
  handler: (req, input) => finishStorefrontSignInWithPasskey({ ...req, resellerId: req.storefront.id }, input.response),
});

/** Answers "check your mail" for new and existing emails alike; the mailed link finishes the sign-up. */
export const registerOnStorefront = definePublicAction({
  area: "storefront",
  input: registerSchema,
  handler: async (req, input) => {
    const s = req.storefront;
    return requestRegistration(
      { resellerId: s.id, host: req.host, status: s.status, displayName: s.displayName },
      input,
    );
  },
});

export const finishStorefrontRegistration = definePublicAction({
  area: "storefront",
  input: finishRegistrationSchema,
  handler: async (req, input) => {
    const { claims } = await finishRegistration(
      { resellerId: req.storefront.id, host: req.host, status: req.storefront.status },
      input,
    );
    await req.setSession(claims);
    return { home: "/account" };
  },
  redirectTo: (d) => d.home,
});

export const requestStorefrontPasswordReset = definePublicAction({
  area: "storefront",
  input: forgotPasswordSchema,
  handler: async (req, input) => {
    await requestPasswordReset({ kind: "registrant", resellerId: req.storefront.id, host: req.host }, input.email);
    return { email: input.email };
  },
});

export const resetStorefrontPassword = definePublicAction({
  area: "storefront",
  input: resetPasswordSchema,
  handler: async (req, input) => {
    await resetPassword({ kind: "registrant", resellerId: req.storefront.id, host: req.host }, input);
    return { done: true };
  },
  redirectTo: () => "/sign-in?reset=1",
});
