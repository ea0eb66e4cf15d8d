"use server";
/**
 * A registrant applying for a name in a TLD's sunrise with one of their marks or an SMD file: checked
 * before payment, then an order paid on the order's payment page that the engine sends to the registry.
 */
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { applySunrise } from "@/server/launch/apply/apply-sunrise";

const input = z.object({
  idempotencyKey: z.string().min(8).max(100),
  name: z.string(),
  years: z.string().optional(),
  markId: z.string().optional(),
  smdFile: z.string().optional(),
});

export const applyOwnSunrise = defineAction({
  area: "storefront",
  input,
  handler: async (ctx, { idempotencyKey, ...application }) => {
    const { order } = await applySunrise(ctx, {
      resellerId: ctx.resellerId,
      registrantId: ctx.actorId,
      application,
      idempotencyKey,
      channel: "storefront",
      payment: "checkout",
    });
    return { orderId: order.id };
  },
  redirectTo: (d) => `/orders/${d.orderId}/pay`,
});
