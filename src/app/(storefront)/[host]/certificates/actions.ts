"use server";
/** A registrant buys a certificate with a CSR they pasted; they pay at checkout and fulfilment starts with the payment. */
import { defineAction } from "@/server/action-client";
import { placeSslOrder, placeSslOrderSchema } from "@/server/ssl/ordering/place-ssl-order";
import { withCsrFieldErrors } from "@/server/ssl/ordering/csr-field-errors";

export const buyCertificate = defineAction({
  area: "storefront",
  roles: ["registrant"],
  input: placeSslOrderSchema,
  handler: async (ctx, i) => {
    const { order } = await withCsrFieldErrors(() => placeSslOrder(ctx, { ...i, resellerId: ctx.resellerId }));
    return { orderId: order.id };
  },
  redirectTo: (data) => `/orders/${data.orderId}/pay`,
});
