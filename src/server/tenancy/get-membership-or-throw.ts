/** A membership the actor may manage: its own reseller's, or the registrar's for registrar admins. */
import type { Tx } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import type { Role } from "@/generated/prisma/enums";
import { requireRegistrarAdmin, requireResellerManager } from "./guards";

export async function getManageableMembershipOrThrow(tx: Tx, ctx: ActorContext, membershipId: string) {
  const m = await tx.membership.findUnique({
    where: { id: membershipId },
    include: { user: { select: { id: true, email: true } } },
  });
  if (!m) throw new AppError("NOT_FOUND");
  if (m.resellerId === null) {
    if (ctx.kind !== "registrar" && ctx.kind !== "system") throw new AppError("NOT_FOUND");
    requireRegistrarAdmin(ctx);
  } else {
    requireResellerManager(ctx, m.resellerId);
  }
  return m;
}

/**
 * Refuses a change that would leave the scope without an owner (or registrar admin). Staff changes
 * of one scope are serialised by an advisory lock, so two owners demoting each other at once cannot
 * both succeed.
 */
export async function assertKeeperRemains(
  tx: Tx,
  resellerId: string | null,
  role: Role,
  excludingId: string,
): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`staff:${resellerId ?? "registrar"}`}))`;
  const others = await tx.membership.count({
    where: { resellerId, role, id: { not: excludingId }, user: { disabledAt: null } },
  });
  if (others === 0) {
    const who = resellerId === null ? "registrar admin" : "owner";
    throw new AppError(
      "CONFLICT",
      `This is the last ${who}; make someone else ${who === "owner" ? "an owner" : "a registrar admin"} first.`,
    );
  }
}
