/** One reseller, for its own staff or registrar staff; anyone else gets NOT_FOUND. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { requireResellerReader } from "./guards";

export async function getResellerOrThrow(ctx: ActorContext, id: string) {
  requireResellerReader(ctx, id);
  const reseller = await db.reseller.findUnique({ where: { id } });
  if (!reseller) throw new AppError("NOT_FOUND");
  return reseller;
}
