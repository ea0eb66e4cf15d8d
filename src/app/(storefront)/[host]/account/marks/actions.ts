"use server";
/**
 * A registrant recording a trademark with the TMCH through this storefront: the submission becomes an
 * order (a `tmch_mark` item) paid on the order's payment page, and the engine sends it once paid.
 */
import { defineAction } from "@/server/action-client";
import { orderMark } from "@/server/tmch/mark-orders/order-mark";
import { markFormSchema, proofFromForm, submissionFromForm } from "@/server/tmch/mark-orders/mark-form";

export const recordOwnMark = defineAction({
  area: "storefront",
  input: markFormSchema,
  handler: async (ctx, i) => {
    const { order } = await orderMark(ctx, {
      resellerId: ctx.resellerId,
      registrantId: ctx.actorId,
      submission: submissionFromForm(i),
      termYears: i.termYears,
      proofOfUse: await proofFromForm(i.proofOfUse),
      idempotencyKey: i.idempotencyKey,
      channel: "storefront",
      payment: "checkout",
    });
    return { orderId: order.id };
  },
  redirectTo: (d) => `/orders/${d.orderId}/pay`,
});
