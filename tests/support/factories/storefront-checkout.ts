import { placeOrder } from "@/server/orders/place-order";
import { startOrderCheckout } from "@/server/order-payments/start-order-checkout";
import { createRegistrant } from "./registrant";
import { createReseller } from "./reseller";
import { createTier, createTldProduct, fundReseller } from "./money";

/**
 * A registrant's storefront order for one .net name (retail 15.00: wholesale 10.00 plus 50 %),
 * waiting for payment, with the checkout opened for it. The reseller's balance is `balance`.
 */
export async function createStorefrontCheckout(opts: { subject: string; idempotencyKey: string; balance?: number }) {
  await createTldProduct("net", 800);
  const tier = await createTier("standard", { net: 1_000 });
  const reseller = await createReseller();
  await fundReseller(reseller.id, tier.id, opts.balance ?? 5_000, {
    markupKind: "percent",
    markupValue: 5_000,
    rounding: "none",
  });
  const { registrant, ctx } = await createRegistrant(reseller.id);
  const { order } = await placeOrder(ctx, {
    resellerId: reseller.id,
    registrantId: registrant.id,
    idempotencyKey: opts.idempotencyKey,
    channel: "storefront",
    payment: "checkout",
    items: [{ kind: "domain_register", productCode: "net", subject: opts.subject }],
  });
  const checkout = await startOrderCheckout(ctx, { orderId: order.id, storefrontOrigin: "http://shop.test" });
  return { reseller, registrant, ctx, order, checkout };
}
