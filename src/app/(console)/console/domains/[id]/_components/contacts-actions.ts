"use server";
/** Contact changes from the reseller console, through the action client, one service each. */
import { defineAction } from "@/server/action-client";
import { cancelChangeInput, updateContactInput } from "@/server/domains/manage/contacts/contact-action-inputs";
import { cancelRegistrantChange } from "@/server/domains/manage/contacts/cancel-registrant-change";
import { updateDomainContact } from "@/server/domains/manage/contacts/update-domain-contact";

const STAFF = ["owner", "admin", "support"] as const;

export const updateContactAction = defineAction({
  area: "console",
  roles: STAFF,
  input: updateContactInput,
  handler: async (ctx, i) => updateDomainContact(ctx, i),
});
export const cancelRegistrantChangeAction = defineAction({
  area: "console",
  roles: STAFF,
  input: cancelChangeInput,
  handler: async (ctx, i) => cancelRegistrantChange(ctx, i),
});
