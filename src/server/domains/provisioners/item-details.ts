/**
 * What a domain order item carries from checkout to fulfilment (OrderItem.details), parsed with zod
 * on the way out so a provisioner never works from a malformed row. Auth codes are encrypted.
 */
import { z } from "zod";

export const claimsNoticeSchema = z.object({
  noticeId: z.string().min(1),
  validatorId: z.string().optional(),
  notAfter: z.string(),
  acceptedDate: z.string(),
});

export const registerDetailsSchema = z.object({
  unicodeName: z.string(),
  privacy: z.boolean().default(false),
  nameservers: z.array(z.string()).default([]),
  contactId: z.string().nullable().default(null),
  claims: claimsNoticeSchema.optional(),
  premiumFeeUsd: z.number().int().positive().optional(),
});

export const transferDetailsSchema = z.object({
  unicodeName: z.string(),
  authCodeEnc: z.string().min(1),
  contactId: z.string().nullable().default(null),
  privacy: z.boolean().default(false),
});

export const privacyDetailsSchema = z.object({ unicodeName: z.string() });

export type RegisterDetails = z.infer<typeof registerDetailsSchema>;
export type TransferDetails = z.infer<typeof transferDetailsSchema>;
