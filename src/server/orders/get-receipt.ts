/** A registrant's receipt for one order: what was bought, at what retail price, and how it was paid. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { toUnicodeName } from "@/lib/domain-name";
import { orderItemKindWords } from "@/lib/order-item-words";
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
  // The registrant's own domains among the items, so each line can lead to its domain's page.
  const domains = order.registrantId
    ? await db.domain.findMany({
        where: {
          resellerId: order.resellerId,
          registrantId: order.registrantId,
          name: { in: order.items.map((i) => i.subject.toLowerCase()) },
        },
        select: { id: true, name: true },
      })
    : [];
  const domainIdOf = new Map(domains.map((d) => [d.name, d.id]));
  const lines = order.items.map((i) => ({
    id: i.id,
    description: `${orderItemKindWords(i.kind)}: ${toUnicodeName(i.subject)}`,
    kind: i.kind,
    subject: toUnicodeName(i.subject),
    domainId: domainIdOf.get(i.subject.toLowerCase()) ?? null,
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
