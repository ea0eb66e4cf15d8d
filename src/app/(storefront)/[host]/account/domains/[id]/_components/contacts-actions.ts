"use server";
/** A registrant changing the contacts of their own domain; the same services as the console. */
import { defineAction } from "@/server/action-client";
import { cancelChangeInput, updateContactInput } from "@/server/domains/manage/contacts/contact-action-inputs";
import { cancelRegistrantChange } from "@/server/domains/manage/contacts/cancel-registrant-change";
import { updateDomainContact } from "@/server/domains/manage/contacts/update-domain-contact";

export const updateOwnContact = defineAction({
  area: "storefront",
  input: updateContactInput,
  handler: async (ctx, i) => updateDomainContact(ctx, i),
});
export const cancelOwnRegistrantChange = defineAction({
  area: "storefront",
  input: cancelChangeInput,
  handler: async (ctx, i) => cancelRegistrantChange(ctx, i),
});
