"use server";
/**
 * A registrant pre-ordering a name in a TLD not open to everyone yet (checked before payment, then an
 * order paid on its payment page and held until the TLD opens), or asking to be told when it opens.
 */
import { z } from "zod";
import { applicantContact } from "../_lib/applicant-contact-input";
import { defineAction } from "@/server/action-client";
import { placePreorder } from "@/server/launch/preorder-orders/place-preorder";
import { registerInterest } from "@/server/launch/interest/register-interest";

// Loose: the registrant contact's inputs come as they are and are read by applicantContact.
const input = z.looseObject({
  idempotencyKey: z.string().min(8).max(100),
  name: z.string(),
  years: z.string().optional(),
  claimsNoticeId: z.string().optional(),
});

export const placeOwnPreorder = defineAction({
  area: "storefront",
  input,
  handler: async (ctx, { idempotencyKey, ...fields }) => {
    const { order } = await placePreorder(ctx, {
      resellerId: ctx.resellerId,
      registrantId: ctx.actorId,
      preorder: {
        name: fields.name,
        years: fields.years,
        claimsNoticeId: fields.claimsNoticeId,
        ...applicantContact(fields),
      },
      idempotencyKey,
      channel: "storefront",
      payment: "checkout",
    });
    return { orderId: order.id };
  },
  redirectTo: (d) => `/orders/${d.orderId}/pay`,
});

export const followOwnLaunch = defineAction({
  area: "storefront",
  input: z.object({ subject: z.string().max(253) }),
  handler: async (ctx, { subject }) => {
    const { created } = await registerInterest(ctx, { resellerId: ctx.resellerId, interest: { subject } });
    return { created };
  },
});
