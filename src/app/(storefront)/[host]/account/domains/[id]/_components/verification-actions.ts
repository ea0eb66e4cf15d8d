"use server";
/** A registrant asking for a new verification link for their own domain's contact. */
import { defineAction } from "@/server/action-client";
import { resendVerificationInput } from "@/server/contact-verification/action-inputs";
import { resendVerificationLink } from "@/server/contact-verification/resend-verification";

export const resendOwnVerification = defineAction({
  area: "storefront",
  input: resendVerificationInput,
  handler: async (ctx, i) => resendVerificationLink(ctx, i),
});
