"use server";
/** A new verification link for the registrant, from the reseller console. */
import { defineAction } from "@/server/action-client";
import { resendVerificationInput } from "@/server/contact-verification/action-inputs";
import { resendVerificationLink } from "@/server/contact-verification/resend-verification";

export const resendVerificationAction = defineAction({
  area: "console",
  roles: ["owner", "admin", "support"],
  input: resendVerificationInput,
  handler: async (ctx, i) => resendVerificationLink(ctx, i),
});
