/** Withdraws an open invitation; its link stops working. Same permissions as inviting. */
import { z } from "zod";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { assertResellerWritable, requireRegistrarAdmin, requireResellerManager } from "./guards";
import { parseInput } from "@/server/parse-input";

export const revokeInvitationInput = z.object({ invitationId: z.uuid() });

export async function revokeInvitation(ctx: ActorContext, input: z.input<typeof revokeInvitationInput>) {
  const { invitationId } = parseInput(revokeInvitationInput, input);
  await db.$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({ where: { id: invitationId } });
    if (!inv || (inv.resellerId === null && ctx.kind !== "registrar" && ctx.kind !== "system"))
      throw new AppError("NOT_FOUND");
    // Registrar admins may withdraw any invitation (they send the owner invitation on approval).
    if (inv.resellerId === null || ctx.kind === "registrar") requireRegistrarAdmin(ctx);
    else {
      requireResellerManager(ctx, inv.resellerId);
      await assertResellerWritable(tx, inv.resellerId);
      if (inv.role === "owner" && ctx.role !== "owner" && ctx.kind !== "system")
        throw new AppError("FORBIDDEN", "Only an owner can withdraw an owner invitation.");
    }
    if (inv.acceptedAt || inv.revokedAt) throw new AppError("CONFLICT", "This invitation is no longer open.");
    await tx.invitation.update({ where: { id: inv.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, ctx, {
      action: "invitation.revoke",
      entity: "invitation",
      entityId: inv.id,
      resellerId: inv.resellerId,
      before: { email: inv.email, role: inv.role },
    });
  });
}
