/**
 * An order as its registrant watches it: each item's state in words, the failure reason, and for a
 * transfer in, the date the registry will decide by. Ownership is checked by money's getOrderOrThrow.
 */
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { getOrderOrThrow } from "@/server/orders/get-order";
import { toUnicodeName } from "@/lib/domain-name";

export type OrderStatusItem = {
  id: string;
  kind: string;
  name: string;
  period: number;
  state: string;
  words: string;
  amount: number;
  pendingUntil: string | null;
};
export type OrderStatus = {
  id: string;
  createdAt: string;
  currency: string;
  total: number;
  finished: boolean;
  items: OrderStatusItem[];
};

const WORDS: Record<string, string> = {
  pending_payment: "Waiting for payment",
  paid: "Paid, starting",
  queued: "Queued",
  provisioning: "In progress at the registry",
  pending_registry: "Waiting for the registry",
  completed: "Done",
  failed: "Could not be completed",
  refunding: "Refund on its way",
  refunded: "Could not be completed, refunded",
};

// A refunding item has ended for the registrant: the money is ours to send and the sweep finishes it.
const ENDED = new Set(["completed", "failed", "refunding", "refunded"]);

export async function getOrderStatus(ctx: ActorContext, orderId: string): Promise<OrderStatus> {
  const order = await getOrderOrThrow(ctx, orderId);
  const transfers = order.items.filter((i) => i.kind === "domain_transfer").map((i) => i.subject);
  const pending = transfers.length
    ? await db.domain.findMany({
        where: { resellerId: order.resellerId, name: { in: transfers }, state: "pending_transfer_in" },
        select: { name: true, pendingTransferDeadline: true },
      })
    : [];
  const deadline = new Map(pending.map((d) => [d.name, d.pendingTransferDeadline?.toISOString() ?? null]));
  const items = order.items.map((i) => ({
    id: i.id,
    kind: i.kind,
    name: toUnicodeName(i.subject),
    period: i.period,
    state: i.state,
    words: `${WORDS[i.state] ?? i.state}${(i.state === "failed" || i.state === "refunding" || i.state === "refunded") && i.failureReason ? `: ${i.failureReason}` : ""}`,
    amount: i.retailAmount,
    pendingUntil: deadline.get(i.subject) ?? null,
  }));
  return {
    id: order.id,
    createdAt: order.createdAt.toISOString(),
    currency: order.currency,
    total: order.retailTotal,
    finished: order.items.every((i) => ENDED.has(i.state) || i.state === "pending_registry"),
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
