/** Orders with their items; `getOrderOrThrow` checks the caller may see it (404 otherwise). */
import { db, type Tx } from "@/server/db";
import { assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";

const include = {
  items: {
    orderBy: { createdAt: "asc" as const },
    include: { product: { select: { code: true, name: true, kind: true } }, hold: true },
  },
};

export async function getOrderWithItems(tx: Tx, orderId: string) {
  return tx.order.findUniqueOrThrow({ where: { id: orderId }, include });
}

export type OrderWithItems = Awaited<ReturnType<typeof getOrderWithItems>>;

export async function getOrderOrThrow(ctx: ActorContext, orderId: string): Promise<OrderWithItems> {
  const order = await db.order.findUnique({ where: { id: orderId }, include });
  if (!order) throw new AppError("NOT_FOUND");
  assertTenant(ctx, order.resellerId);
  // A registrant sees only their own orders.
  if (ctx.kind === "registrant" && order.registrantId !== ctx.actorId) throw new AppError("NOT_FOUND");
  return order;
}
