"use server";
/** The answer from a change-of-registrant link: no session, the link's token is the proof. */
import { definePublicAction } from "@/server/action-client";
import { answerChangeInput } from "@/server/domains/manage/contacts/contact-action-inputs";
import { answerRegistrantChange } from "@/server/domains/manage/contacts/answer-registrant-change";

export const answerRegistrantChangeAction = definePublicAction({
  area: "storefront",
  input: answerChangeInput,
  handler: async (req, i) => answerRegistrantChange(req.storefront.id, i),
});
