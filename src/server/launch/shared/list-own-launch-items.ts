/**
 * The signed-in registrant's order items of one launch kind on this storefront, newest first, with the
 * order's currency; each list reads its kind's details on top.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import type { OrderItemKind } from "@/generated/prisma/enums";

export async function listOwnLaunchItems(ctx: ActorContext, kind: OrderItemKind, limit = 50) {
  if (ctx.kind !== "registrant") throw new AppError("FORBIDDEN");
  const items = await db.orderItem.findMany({
    where: { kind, resellerId: ctx.resellerId, order: { registrantId: ctx.actorId } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      orderId: true,
      subject: true,
      state: true,
      retailAmount: true,
      createdAt: true,
      details: true,
      order: { select: { currency: true } },
    },
  });
  return items.map(({ order, ...i }) => ({ ...i, currency: order.currency }));
}
