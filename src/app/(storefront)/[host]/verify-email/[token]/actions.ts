"use server";
/** The confirmation from a verification link: no session, the link's token is the proof. */
import { definePublicAction } from "@/server/action-client";
import { confirmVerificationInput } from "@/server/contact-verification/action-inputs";
import { confirmEmailVerification } from "@/server/contact-verification/verify-email";

export const confirmEmailVerificationAction = definePublicAction({
  area: "storefront",
  input: confirmVerificationInput,
  handler: async (req, i) => confirmEmailVerification(req.storefront.id, i.token),
});
