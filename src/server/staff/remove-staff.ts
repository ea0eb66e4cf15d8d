/** Removes a staff member from a reseller (or the registrar); never the last owner or registrar admin. */
import { z } from "zod";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import { endSessions } from "@/server/auth/end-sessions";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { assertKeeperRemains, getManageableMembershipOrThrow } from "@/server/tenancy/get-membership-or-throw";
import { assertResellerWritable } from "@/server/tenancy/guards";
import { parseInput } from "@/server/parse-input";
import { keeperRole } from "@/server/tenancy/staff-roles";

export const removeStaffInput = z.object({ membershipId: z.uuid() });

export async function removeStaff(ctx: ActorContext, input: z.input<typeof removeStaffInput>) {
  const { membershipId } = parseInput(removeStaffInput, input);
  await db.$transaction(async (tx) => {
    const m = await getManageableMembershipOrThrow(tx, ctx, membershipId);
    if (m.resellerId !== null) {
      await assertResellerWritable(tx, m.resellerId);
      if (m.role === "owner" && ctx.role !== "owner" && ctx.kind !== "system")
        throw new AppError("FORBIDDEN", "Only an owner can remove an owner.");
    }
    if (m.role === keeperRole(m.resellerId)) await assertKeeperRemains(tx, m.resellerId, m.role, m.id);
    await tx.membership.delete({ where: { id: m.id } });
    await endSessions(tx, { kind: "user", id: m.userId });
    await recordAudit(tx, ctx, {
      action: "staff.remove",
      entity: "membership",
      entityId: m.id,
      resellerId: m.resellerId,
      before: { email: m.user.email, role: m.role },
    });
  });
}
