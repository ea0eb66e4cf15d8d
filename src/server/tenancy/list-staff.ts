/**
 * Staff of one scope: a reseller (resellerId) or the registrar (null), with invitations still open.
 * Reseller staff see their own reseller; registrar staff see any scope.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { requireRegistrarReader, requireResellerReader } from "./guards";

export async function listStaff(ctx: ActorContext, resellerId: string | null) {
  if (resellerId === null) requireRegistrarReader(ctx);
  else requireResellerReader(ctx, resellerId);
  const [members, invitations] = await Promise.all([
    db.membership.findMany({
      where: { resellerId },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        role: true,
        createdAt: true,
        user: { select: { id: true, email: true, name: true, disabledAt: true } },
      },
    }),
    db.invitation.findMany({
      where: { resellerId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    }),
  ]);
  return { members, invitations };
}
