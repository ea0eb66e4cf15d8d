/**
 * A registrant pays for an order placed with `payment: "checkout"`: one payment for its retail total.
 * An order has at most one open checkout: the payment row is made first, under the order's lock, and
 * a second request (another tab, a double click) gets the same one, whose session the provider makes
 * once per payment id. Two sessions for one order could otherwise both be paid.
 */
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { getOrderOrThrow } from "@/server/orders/get-order";
import { paymentProvider } from "@/server/payments/get-payment-provider";

/** `storefrontOrigin` is the absolute origin of the reseller's storefront host. */
export async function startOrderCheckout(
  ctx: ActorContext,
  input: { orderId: string; storefrontOrigin: string; customerEmail?: string | null },
): Promise<{ paymentId: string; url: string }> {
  const order = await getOrderOrThrow(ctx, input.orderId);
  const provider = paymentProvider();
  const payment = await db.$transaction(async (tx) => {
    await tx.$queryRaw`select id from "Order" where id = ${order.id} for update`;
    const due = await tx.orderItem.findMany({
      where: { orderId: order.id, state: "pending_payment" },
      select: { retailAmount: true },
    });
    if (!due.length) throw new AppError("CONFLICT", "This order is already paid.");
    const open = await tx.payment.findFirst({
      where: { orderId: order.id, status: "pending" },
      orderBy: { createdAt: "desc" },
    });
    if (open) return open;
    const amount = due.reduce((s, i) => s + i.retailAmount, 0);
    return tx.payment.create({
      data: {
        id: randomUUID(),
        resellerId: order.resellerId,
        purpose: "order",
        orderId: order.id,
        provider: provider.name,
        amount,
        currency: order.currency,
        createdById: ctx.actorId,
      },
    });
  });
  if (payment.checkoutUrl) return { paymentId: payment.id, url: payment.checkoutUrl };
  const base = `${input.storefrontOrigin}/orders/${order.id}`;
  const session = await provider.createCheckout({
    paymentId: payment.id,
    amount: payment.amount,
    currency: payment.currency,
    description: `Order ${order.id.slice(0, 8)}`,
    customerEmail: input.customerEmail,
    // The receipt links on to the live order page (the test provider lands there too).
    successUrl: `${base}/receipt`,
    cancelUrl: `${base}/pay?canceled=1`,
    testCheckoutUrl: `${base}/pay/test-checkout/${payment.id}`,
  });
  // The first session stored stays the payment's: webhooks find the payment by this id alone.
  await db.payment.updateMany({
    where: { id: payment.id, providerRef: null },
    data: { providerRef: session.providerRef, checkoutUrl: session.url },
  });
  const stored = await db.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { checkoutUrl: true } });
  return { paymentId: payment.id, url: stored.checkoutUrl ?? session.url };
}
