/**
 * The names a registrant holds here for which the platform publishes DCV records itself (active, on
 * our nameservers: platform-dcv.ts), so the order form can say which names need nothing from them.
 */
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { platformServesDns } from "@/server/ssl/requests/platform-dcv";

export async function namesValidatedHere(ctx: ActorContext, limit = 50): Promise<string[]> {
  if (ctx.kind !== "registrant") return [];
  const domains = await db.domain.findMany({
    where: { resellerId: ctx.resellerId, registrantId: ctx.actorId, state: "active" },
    orderBy: { name: "asc" },
    take: limit,
    select: { name: true },
  });
  const owner = { resellerId: ctx.resellerId, registrantId: ctx.actorId };
  const served = await Promise.all(
    domains.map(async (d) => ((await platformServesDns(owner, d.name)) ? d.name : null)),
  );
  return served.filter((n): n is string => n !== null);
}
