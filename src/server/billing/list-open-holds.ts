/** Holds still open on a reseller's balance, newest first, with what they are for. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { requireBillingReader } from "./guards";

export async function listOpenHolds(ctx: ActorContext, resellerId: string, take = 100) {
  requireBillingReader(ctx, resellerId);
  const holds = await db.hold.findMany({
    where: { resellerId, status: "held" },
    orderBy: { createdAt: "desc" },
    take,
    include: { orderItem: { select: { subject: true, kind: true, orderId: true } } },
  });
  return holds.map((h) => ({
    id: h.id,
    createdAt: h.createdAt,
    amount: h.amount,
    currency: h.currency,
    subject: h.orderItem.subject,
    kind: h.orderItem.kind,
    orderId: h.orderItem.orderId,
  }));
}
