"use server";
/**
 * A registrant applying for a name in a TLD's landrush with a maximum bid: checked before payment,
 * then an order paid at the maximum on the order's payment page; the difference is refunded when the
 * registry's auction clears lower.
 */
import { z } from "zod";
import { applicantContact } from "../_lib/applicant-contact-input";
import { defineAction } from "@/server/action-client";
import { applyLandrush } from "@/server/launch/apply/apply-landrush";

// Loose: the registrant contact's inputs come as they are and are read by applicantContact.
const input = z.looseObject({
  idempotencyKey: z.string().min(8).max(100),
  name: z.string(),
  years: z.string().optional(),
  maxBid: z.string(),
  claimsNoticeId: z.string().optional(),
});

export const applyOwnLandrush = defineAction({
  area: "storefront",
  input,
  handler: async (ctx, { idempotencyKey, ...fields }) => {
    const { order } = await applyLandrush(ctx, {
      resellerId: ctx.resellerId,
      registrantId: ctx.actorId,
      application: {
        name: fields.name,
        years: fields.years,
        maxBid: fields.maxBid,
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
