/** A registrant's sunrise applications on this storefront, newest first, with what the registry said. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { sunriseDetailsSchema } from "../sunrise/application-details";

export async function listSunriseApplications(ctx: ActorContext, opts: { limit?: number } = {}) {
  if (ctx.kind !== "registrant") throw new AppError("FORBIDDEN");
  const items = await db.orderItem.findMany({
    where: { kind: "sunrise_application", resellerId: ctx.resellerId, order: { registrantId: ctx.actorId } },
    orderBy: { createdAt: "desc" },
    take: opts.limit ?? 50,
    select: { id: true, orderId: true, subject: true, state: true, retailAmount: true, createdAt: true, details: true },
  });
  return items.map(({ details, ...i }) => {
    const d = sunriseDetailsSchema.safeParse(details);
    return {
      ...i,
      applicationId: d.success ? (d.data.applicationId ?? null) : null,
      applicationStatus: d.success ? (d.data.applicationStatus ?? null) : null,
      smdId: d.success ? d.data.smdId : null,
    };
  });
}
