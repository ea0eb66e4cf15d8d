/** A registrant's landrush applications on this storefront, newest first, with the registry's word and the price. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { landrushDetailsSchema } from "./landrush-details";

export async function listLandrushApplications(ctx: ActorContext, opts: { limit?: number } = {}) {
  if (ctx.kind !== "registrant") throw new AppError("FORBIDDEN");
  const items = await db.orderItem.findMany({
    where: { kind: "landrush_application", resellerId: ctx.resellerId, order: { registrantId: ctx.actorId } },
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
    const d = landrushDetailsSchema.safeParse(details);
    return {
      ...i,
      currency: order.currency,
      maxRetail: d.success ? d.data.maxRetail : null,
      applicationStatus: d.success ? (d.data.applicationStatus ?? null) : null,
      /** Known once the auction allocated the name: retailAmount is then what was charged. */
      cleared: d.success && d.data.clearingPriceUsd !== undefined,
    };
  });
}
