/** One host name, checked against the acting tenant (another reseller's host is NOT_FOUND). */
import type { Tx } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { requireResellerReader } from "./guards";

export async function getHostNameOrThrow(tx: Tx, ctx: ActorContext, id: string) {
  const host = await tx.hostName.findUnique({ where: { id } });
  if (!host) throw new AppError("NOT_FOUND");
  requireResellerReader(ctx, host.resellerId);
  return host;
}
