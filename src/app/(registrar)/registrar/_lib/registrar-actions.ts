"use server";
/** Every registrar console mutation, each through the action client (registrar admins only). */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { createInvitation } from "@/server/auth/create-invitation";
import { removeLocalDnsAnswer } from "@/server/dns/remove-local-dns-answer";
import { localDnsAnswerInput, setLocalDnsAnswer } from "@/server/dns/set-local-dns-answer";
import { approveApplicationInput, approveResellerApplication } from "@/server/onboarding/approve-reseller-application";
import { changeStaffRole, changeStaffRoleInput } from "@/server/staff/change-staff-role";
import { declineApplicationInput, declineResellerApplication } from "@/server/tenancy/decline-reseller-application";
import { reactivateReseller, reactivateResellerInput } from "@/server/tenancy/reactivate-reseller";
import { removeStaff, removeStaffInput } from "@/server/staff/remove-staff";
import { revokeInvitation, revokeInvitationInput } from "@/server/tenancy/revoke-invitation";
import { REGISTRAR_ROLES } from "@/server/tenancy/staff-roles";
import { suspendReseller, suspendResellerInput } from "@/server/tenancy/suspend-reseller";

const ADMIN = ["registrar_admin"] as const;
const refresh = () => revalidatePath("/registrar", "layout");

export const approveApplication = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: approveApplicationInput,
  handler: async (ctx, input) => {
    const { reseller, host } = await approveResellerApplication(ctx, input);
    refresh();
    return { resellerId: reseller.id, host };
  },
  // The approved application leaves the pending list, so show the new reseller instead.
  redirectTo: (d) => `/registrar/resellers/${d.resellerId}?approved=1`,
});

export const declineApplication = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: declineApplicationInput,
  handler: async (ctx, input) => {
    await declineResellerApplication(ctx, input);
    refresh();
    return { declined: true };
  },
});

export const suspend = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: suspendResellerInput,
  handler: async (ctx, input) => {
    await suspendReseller(ctx, input);
    refresh();
    return { suspended: true };
  },
});

export const reactivate = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: reactivateResellerInput,
  handler: async (ctx, input) => {
    await reactivateReseller(ctx, input);
    refresh();
    return { reactivated: true };
  },
});

export const setLocalDns = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: localDnsAnswerInput,
  handler: async (ctx, input) => {
    await setLocalDnsAnswer(ctx, input);
    refresh();
    return { set: true };
  },
});

export const removeLocalDns = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: z.object({ id: z.uuid() }),
  handler: async (ctx, input) => {
    await removeLocalDnsAnswer(ctx, input.id);
    refresh();
    return { removed: true };
  },
});

export const inviteRegistrarStaff = defineAction({
  area: "registrar",
  roles: ADMIN,
  reauth: true,
  input: z.object({ email: z.string().max(254), role: z.enum(REGISTRAR_ROLES, { error: "Choose a role." }) }),
  handler: async (ctx, input) => {
    await createInvitation(ctx, { ...input, resellerId: null });
    refresh();
    return { invited: true };
  },
});

export const changeRegistrarRole = defineAction({
  area: "registrar",
  roles: ADMIN,
  reauth: true,
  input: changeStaffRoleInput,
  handler: async (ctx, input) => {
    await changeStaffRole(ctx, input);
    refresh();
    return { changed: true };
  },
});

export const removeRegistrarStaff = defineAction({
  area: "registrar",
  roles: ADMIN,
  reauth: true,
  input: removeStaffInput,
  handler: async (ctx, input) => {
    await removeStaff(ctx, input);
    refresh();
    return { removed: true };
  },
});

export const withdrawRegistrarInvitation = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: revokeInvitationInput,
  handler: async (ctx, input) => {
    await revokeInvitation(ctx, input);
    refresh();
    return { revoked: true };
  },
});
