/** A mark as its tenant sees it: a registrant only their own, staff their reseller's, "not found" otherwise. */
import type { Tx } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";

export async function getMarkOrThrow(tx: Tx, ctx: ActorContext, id: string) {
  const mark = await tx.tmchMark.findUnique({ where: { id } });
  const visible =
    mark &&
    (ctx.kind === "registrar" ||
      (ctx.kind === "system" && ctx.resellerId === null) ||
      (mark.resellerId === ctx.resellerId && (ctx.kind !== "registrant" || mark.registrantId === ctx.actorId)));
  if (!visible) throw new AppError("NOT_FOUND", "No such mark.");
  return mark;
}
