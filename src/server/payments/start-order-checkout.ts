/** A registrant pays for an order placed with `payment: "checkout"`: one payment for its retail total. */
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { getOrderOrThrow } from "@/server/orders/get-order";
import { paymentProvider } from "./get-payment-provider";

/** `storefrontOrigin` is the absolute origin of the reseller's storefront host. */
export async function startOrderCheckout(ctx: ActorContext, input: { orderId: string; storefrontOrigin: string; customerEmail?: string | null }): Promise<{ paymentId: string; url: string }> {
  const order = await getOrderOrThrow(ctx, input.orderId);
  if (!order.items.some((i) => i.state === "pending_payment")) throw new AppError("CONFLICT", "This order is already paid.");
  const open = await db.payment.findFirst({ where: { orderId: order.id, status: "pending" }, orderBy: { createdAt: "desc" } });
  if (open?.checkoutUrl) return { paymentId: open.id, url: open.checkoutUrl };
  const amount = order.items.filter((i) => i.state === "pending_payment").reduce((s, i) => s + i.retailAmount, 0);
  const paymentId = randomUUID();
  const provider = paymentProvider();
  const base = `${input.storefrontOrigin}/orders/${order.id}`;
  const session = await provider.createCheckout({
    paymentId,
    amount,
    currency: order.currency,
    description: `Order ${order.id.slice(0, 8)}`,
    customerEmail: input.customerEmail,
    // The receipt links on to the live order page (the test provider lands there too).
    successUrl: `${base}/receipt`,
    cancelUrl: `${base}/pay?canceled=1`,
    testCheckoutUrl: `${base}/pay/test-checkout/${paymentId}`,
  });
  await db.payment.create({
    data: { id: paymentId, resellerId: order.resellerId, purpose: "order", orderId: order.id, provider: provider.name, providerRef: session.providerRef, amount, currency: order.currency, checkoutUrl: session.url, createdById: ctx.actorId },
  });
  return { paymentId, url: session.url };
}
