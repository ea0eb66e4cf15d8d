/** A registrant's receipt for one order: what was bought, at what retail price, and how it was paid. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { getOrderOrThrow } from "./get-order";

export async function getReceipt(ctx: ActorContext, orderId: string) {
  const order = await getOrderOrThrow(ctx, orderId);
  const [reseller, registrant, payment, registrar] = await Promise.all([
    db.reseller.findUniqueOrThrow({
      where: { id: order.resellerId },
      select: { displayName: true, legalName: true, locale: true, branding: { select: { supportEmail: true } } },
    }),
    order.registrantId
      ? db.registrant.findUnique({ where: { id: order.registrantId }, select: { name: true, email: true } })
      : null,
    db.payment.findFirst({ where: { orderId, purpose: "order", status: "succeeded" }, orderBy: { createdAt: "asc" } }),
    db.registrar.findUnique({ where: { id: "registrar" }, select: { legalName: true, resellerDisclosure: true } }),
  ]);
  const lines = order.items.map((i) => ({
    id: i.id,
    description: `${i.product.name} ${i.kind.replace("domain_", "").replace("_", " ")}: ${i.subject}`,
    period: i.period,
    amount: i.retailAmount,
    state: i.state,
  }));
  const refunded = order.items
    .filter((i) => i.state === "refunded" || i.state === "refunding")
    .reduce((s, i) => s + i.retailAmount, 0);
  // Wholesale amounts are the reseller's business, never the registrant's: they are not returned.
  return {
    order: { id: order.id, createdAt: order.createdAt, currency: order.currency, total: order.retailTotal },
    lines,
    refunded,
    reseller,
    registrant,
    payment: payment && { provider: payment.provider, completedAt: payment.completedAt, amount: payment.amount },
    registrar,
  };
}
