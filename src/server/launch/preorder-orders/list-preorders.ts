/** A registrant's pre-orders on this storefront, newest first, with the registry's outcome once sent. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { preorderDetailsSchema } from "@/server/launch/preorder/preorder-details";

export async function listPreorders(ctx: ActorContext, opts: { limit?: number } = {}) {
  if (ctx.kind !== "registrant") throw new AppError("FORBIDDEN");
  const items = await db.orderItem.findMany({
    where: { kind: "pre_registration", resellerId: ctx.resellerId, order: { registrantId: ctx.actorId } },
    orderBy: { createdAt: "desc" },
    take: opts.limit ?? 50,
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
  return items.map(({ details, order, ...i }) => {
    const d = preorderDetailsSchema.safeParse(details);
    return { ...i, currency: order.currency, outcome: d.success ? (d.data.outcome ?? null) : null };
  });
}

/** The registrant's expressions of interest on this storefront. */
export async function listOwnInterests(ctx: ActorContext) {
  if (ctx.kind !== "registrant") throw new AppError("FORBIDDEN");
  return db.launchInterest.findMany({
    where: { resellerId: ctx.resellerId, registrantId: ctx.actorId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, subject: true, notifiedPhases: true, createdAt: true },
  });
}
