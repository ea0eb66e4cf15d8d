"use server";
/**
 * Staff of the actor's own reseller: invite, change role, remove, withdraw an invitation. The first
 * three change who holds power here, so they want a recent "Confirm it's you" (072).
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { createInvitation } from "@/server/auth/create-invitation";
import { changeStaffRole, changeStaffRoleInput } from "@/server/staff/change-staff-role";
import { removeStaff, removeStaffInput } from "@/server/staff/remove-staff";
import { revokeInvitation, revokeInvitationInput } from "@/server/tenancy/revoke-invitation";
import { RESELLER_ROLES } from "@/server/tenancy/staff-roles";

const MANAGERS = ["owner", "admin"] as const;
const done = () => revalidatePath("/console/staff");

export const inviteStaff = defineAction({
  area: "console",
  roles: MANAGERS,
  reauth: true,
  input: z.object({ email: z.string().max(254), role: z.enum(RESELLER_ROLES, { error: "Choose a role." }) }),
  handler: async (ctx, input) => {
    const { invitation } = await createInvitation(ctx, { ...input, resellerId: ctx.resellerId });
    done();
    return { email: invitation.email };
  },
});

export const changeRole = defineAction({
  area: "console",
  roles: MANAGERS,
  reauth: true,
  input: changeStaffRoleInput,
  handler: async (ctx, input) => {
    await changeStaffRole(ctx, input);
    done();
    return { changed: true };
  },
});

export const removeMember = defineAction({
  area: "console",
  roles: MANAGERS,
  reauth: true,
  input: removeStaffInput,
  handler: async (ctx, input) => {
    await removeStaff(ctx, input);
    done();
    return { removed: true };
  },
});

export const withdrawInvitation = defineAction({
  area: "console",
  roles: MANAGERS,
  input: revokeInvitationInput,
  handler: async (ctx, input) => {
    await revokeInvitation(ctx, input);
    done();
    return { revoked: true };
  },
});
