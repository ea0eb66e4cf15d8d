/**
 * An order as its registrant watches it: each item's state in words (src/lib/order-item-words.ts),
 * the failure reason, for a transfer in the date the registry will decide by, and whether anything
 * is still moving. Ownership is checked by money's getOrderOrThrow.
 */
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { getOrderOrThrow } from "@/server/orders/get-order";
import { toUnicodeName } from "@/lib/domain-name";
import {
  orderItemDetail,
  orderItemStateLabel,
  orderItemTone,
  orderSummaryWords,
  type OrderSummaryWords,
  type WordsTone,
} from "@/lib/order-item-words";
import type { OrderItemKind, OrderItemState } from "@/generated/prisma/enums";

export type OrderStatusItem = {
  id: string;
  kind: OrderItemKind;
  name: string;
  period: number;
  state: OrderItemState;
  /** Short label (badge). */
  words: string;
  /** One sentence: what is happening and what comes next. */
  detail: string;
  tone: WordsTone;
  amount: number;
  pendingUntil: string | null;
};
export type OrderStatus = {
  id: string;
  createdAt: string;
  currency: string;
  total: number;
  summary: OrderSummaryWords;
  /** Something may change without anyone acting: the page keeps refreshing while this holds. */
  moving: boolean;
  items: OrderStatusItem[];
};

export async function getOrderStatus(ctx: ActorContext, orderId: string): Promise<OrderStatus> {
  const order = await getOrderOrThrow(ctx, orderId);
  const transfers = order.items.filter((i) => i.kind === "domain_transfer").map((i) => i.subject);
  const unpaid = order.items.some((i) => i.state === "pending_payment");
  const [pending, openPayment] = await Promise.all([
    transfers.length
      ? db.domain.findMany({
          where: { resellerId: order.resellerId, name: { in: transfers }, state: "pending_transfer_in" },
          select: { name: true, pendingTransferDeadline: true },
        })
      : [],
    unpaid ? db.payment.findFirst({ where: { orderId: order.id, status: "pending" }, select: { id: true } }) : null,
  ]);
  const deadline = new Map(pending.map((d) => [d.name, d.pendingTransferDeadline?.toISOString() ?? null]));
  const items = order.items.map((i) => {
    const pendingUntil = deadline.get(i.subject) ?? null;
    return {
      id: i.id,
      kind: i.kind,
      name: toUnicodeName(i.subject),
      period: i.period,
      state: i.state,
      words: orderItemStateLabel(i.state),
      detail: orderItemDetail({ ...i, pendingUntil }),
      tone: orderItemTone(i.state),
      amount: i.retailAmount,
      pendingUntil,
    };
  });
  const summary = orderSummaryWords(
    order.items.map((i) => i.state),
    { paymentOpen: Boolean(openPayment) },
  );
  return {
    id: order.id,
    createdAt: order.createdAt.toISOString(),
    currency: order.currency,
    total: order.retailTotal,
    summary,
    moving: summary.moving,
    items,
  };
}

export async function listRegistrantOrders(ctx: Extract<ActorContext, { kind: "registrant" }>) {
  return db.order.findMany({
    where: { resellerId: ctx.resellerId, registrantId: ctx.actorId },
    orderBy: { createdAt: "desc" },
    take: 50,
    include: { items: { select: { subject: true, state: true, kind: true } } },
  });
}
