/** zod schemas for the contact forms (console and storefront share them). */
import { z } from "zod";
import { CONTACT_ROLES } from "./contact-policy";
import { CONTACT_KEYS, contactFieldsSchema } from "./contact-fields";

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1")])
  .optional()
  .transform((v) => v !== undefined);

export const updateContactInput = contactFieldsSchema
  .extend({ domainId: z.uuid(), role: z.enum(CONTACT_ROLES), lockOptOut: checkbox })
  .transform((i) => ({
    domainId: i.domainId,
    role: i.role,
    lockOptOut: i.lockOptOut,
    contact: Object.fromEntries(CONTACT_KEYS.map((k) => [k, i[k]])) as Record<(typeof CONTACT_KEYS)[number], string>,
  }));

export const cancelChangeInput = z.object({ domainId: z.uuid() });

export const answerChangeInput = z.object({
  id: z.uuid(),
  token: z.string().min(10).max(200),
  decision: z.enum(["confirm", "decline"]),
  lockOptOut: checkbox,
});
