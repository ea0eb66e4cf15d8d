/** A registrant's pre-orders on this storefront, newest first, with the registry's outcome once sent. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { preorderDetailsSchema } from "@/server/launch/preorder/preorder-details";
import { listOwnLaunchItems } from "../shared/list-own-launch-items";

export async function listPreorders(ctx: ActorContext, opts: { limit?: number } = {}) {
  const items = await listOwnLaunchItems(ctx, "pre_registration", opts.limit);
  return items.map(({ details, ...i }) => {
    const d = preorderDetailsSchema.safeParse(details);
    return { ...i, outcome: d.success ? (d.data.outcome ?? null) : null };
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
