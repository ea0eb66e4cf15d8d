"use server";
/**
 * A registrant applying for a name in a TLD's sunrise with one of their marks or an SMD file: checked
 * before payment, then an order paid on the order's payment page that the engine sends to the registry.
 */
import { z } from "zod";
import { applicantContact } from "../_lib/applicant-contact-input";
import { defineAction } from "@/server/action-client";
import { applySunrise } from "@/server/launch/apply/apply-sunrise";

// Loose: the registrant contact's inputs come as they are and are read by applicantContact.
const input = z.looseObject({
  idempotencyKey: z.string().min(8).max(100),
  name: z.string(),
  years: z.string().optional(),
  markId: z.string().optional(),
  smdFile: z.string().optional(),
});

export const applyOwnSunrise = defineAction({
  area: "storefront",
  input,
  handler: async (ctx, { idempotencyKey, ...fields }) => {
    const { order } = await applySunrise(ctx, {
      resellerId: ctx.resellerId,
      registrantId: ctx.actorId,
      application: {
        name: fields.name,
        years: fields.years,
        markId: fields.markId,
        smdFile: fields.smdFile,
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
