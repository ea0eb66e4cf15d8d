/** A reseller's branding for its console editor (everything but the logo bytes). */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { requireResellerReader } from "./guards";

export async function getBranding(ctx: ActorContext, resellerId: string) {
  requireResellerReader(ctx, resellerId);
  const reseller = await db.reseller.findUnique({
    where: { id: resellerId },
    select: { id: true, slug: true, displayName: true, status: true, branding: { omit: { logo: true } } },
  });
  if (!reseller?.branding) throw new AppError("NOT_FOUND");
  return { ...reseller.branding, displayName: reseller.displayName, slug: reseller.slug, status: reseller.status };
}
