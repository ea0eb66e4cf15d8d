/**
 * Changes a staff member's role. Only owners grant or take away the owner role; the last owner (or
 * last registrar admin) cannot be demoted. The member's sessions end, so the new role applies at once.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import { endSessions } from "@/server/auth/end-sessions";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import type { Role } from "@/generated/prisma/enums";
import { assertKeeperRemains, getManageableMembershipOrThrow } from "@/server/tenancy/get-membership-or-throw";
import { assertResellerWritable } from "@/server/tenancy/guards";
import { parseInput } from "@/server/parse-input";
import { keeperRole, REGISTRAR_ROLES, RESELLER_ROLES } from "@/server/tenancy/staff-roles";

export const changeStaffRoleInput = z.object({
  membershipId: z.uuid(),
  role: z.enum([...RESELLER_ROLES, ...REGISTRAR_ROLES], { error: "Choose a role." }),
});

export async function changeStaffRole(ctx: ActorContext, input: z.input<typeof changeStaffRoleInput>) {
  const { membershipId, role } = parseInput(changeStaffRoleInput, input);
  return db.$transaction(async (tx) => {
    const m = await getManageableMembershipOrThrow(tx, ctx, membershipId);
    const allowed: readonly Role[] = m.resellerId === null ? REGISTRAR_ROLES : RESELLER_ROLES;
    if (!allowed.includes(role))
      throw new AppError("INVALID_INPUT", undefined, { fields: { role: "That role does not exist here." } });
    if (m.resellerId !== null) {
      await assertResellerWritable(tx, m.resellerId);
      if ((role === "owner" || m.role === "owner") && ctx.role !== "owner" && ctx.kind !== "system") {
        throw new AppError("FORBIDDEN", "Only an owner can grant or remove the owner role.");
      }
    }
    if (m.role === role) return m;
    const keeper = keeperRole(m.resellerId);
    if (m.role === keeper) await assertKeeperRemains(tx, m.resellerId, keeper, m.id);
    const updated = await tx.membership.update({ where: { id: m.id }, data: { role } });
    await endSessions(tx, { kind: "user", id: m.userId });
    await recordAudit(tx, ctx, {
      action: "staff.role.change",
      entity: "membership",
      entityId: m.id,
      resellerId: m.resellerId,
      before: { email: m.user.email, role: m.role },
      after: { email: m.user.email, role },
    });
    return updated;
  });
}
