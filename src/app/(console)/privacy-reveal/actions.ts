"use server";
/** Anyone asks to reveal the customer behind the privacy service: no session; rate-limited. */
import { definePublicAction } from "@/server/action-client";
import { revealRequestInput } from "@/server/privacy-proxy/reveal/reveal-inputs";
import { submitRevealRequest } from "@/server/privacy-proxy/reveal/submit-reveal-request";

export const requestPrivacyReveal = definePublicAction({
  area: "console",
  input: revealRequestInput,
  handler: (req, i) => submitRevealRequest({ clientAddress: req.clientAddress }, i),
});
