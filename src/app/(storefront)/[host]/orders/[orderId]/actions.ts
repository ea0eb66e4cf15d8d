"use server";
/** Registrant payment actions: open checkout for an order, and the test provider's pay/cancel. */
import { z } from "zod";
import { env } from "@/env";
import { defineAction } from "@/server/action-client";
import { completeTestCheckout } from "@/server/order-payments/complete-test-checkout";
import { startOrderCheckout } from "@/server/order-payments/start-order-checkout";

export const payOrder = defineAction({
  area: "storefront",
  input: z.object({ orderId: z.uuid() }),
  handler: async (ctx, input, req) => {
    const origin = `${env().PUBLIC_SCHEME}://${req.host}`;
    return startOrderCheckout(ctx, { orderId: input.orderId, storefrontOrigin: origin });
  },
  redirectTo: (data) => data.url,
});

export const finishTestOrderCheckout = defineAction({
  area: "storefront",
  input: z.object({ paymentId: z.uuid(), orderId: z.uuid(), outcome: z.enum(["pay", "cancel"]) }),
  handler: async (ctx, input) => {
    const done = await completeTestCheckout(ctx, { paymentId: input.paymentId, outcome: input.outcome });
    return { orderId: input.orderId, status: done.status };
  },
  redirectTo: (data) =>
    data.status === "paid" ? `/orders/${data.orderId}/receipt` : `/orders/${data.orderId}/pay?canceled=1`,
});
