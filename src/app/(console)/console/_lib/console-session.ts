/**
 * The signed-in reseller staff member and their reseller, for every console page (cached per
 * request). `canManage` says whether this person may change settings right now: owners and admins
 * of an active reseller. The services check the same again on every write.
 */
import "server-only";
import { cache } from "react";
import { requireSession } from "@/server/auth/require-context";
import { getResellerOrThrow } from "@/server/tenancy/get-reseller-or-throw";
import { ROLE_LABELS } from "@/server/tenancy/staff-roles";

export const loadConsole = cache(async () => {
  const session = await requireSession("console", { next: "/console" });
  const reseller = await getResellerOrThrow(session.ctx, session.ctx.resellerId);
  const managerRole = session.ctx.role === "owner" || session.ctx.role === "admin";
  return {
    ...session,
    reseller,
    roleLabel: ROLE_LABELS[session.ctx.role],
    isManager: managerRole,
    canManage: managerRole && reseller.status === "active",
  };
});

export type ConsoleSession = Awaited<ReturnType<typeof loadConsole>>;
