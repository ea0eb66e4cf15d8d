/** A registrant's marks on this storefront, newest first (no submission body or SMD file: the list shows neither). */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";

export async function listOwnMarks(ctx: ActorContext) {
  if (ctx.kind !== "registrant") throw new AppError("FORBIDDEN");
  return db.tmchMark.findMany({
    where: { resellerId: ctx.resellerId, registrantId: ctx.actorId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      markName: true,
      state: true,
      labels: true,
      expiresAt: true,
      smdId: true,
      smdNotAfter: true,
      hasProofOfUse: true,
      createdAt: true,
    },
  });
}
