"use server";
/** A registrant answering a request to reveal their details behind the privacy service. */
import { defineAction } from "@/server/action-client";
import { answerRevealRequestInput } from "@/server/privacy-proxy/reveal/reveal-inputs";
import { answerRevealRequest } from "@/server/privacy-proxy/reveal/answer-reveal-request";

export const answerOwnRevealRequest = defineAction({
  area: "storefront",
  input: answerRevealRequestInput,
  handler: async (ctx, i) => answerRevealRequest(ctx, i),
});
