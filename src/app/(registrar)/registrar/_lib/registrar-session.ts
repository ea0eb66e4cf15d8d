/** The signed-in registrar staff member, for every registrar console page (cached per request). */
import "server-only";
import { cache } from "react";
import { requireSession } from "@/server/auth/require-context";
import { ROLE_LABELS } from "@/server/tenancy/staff-roles";

export const loadRegistrar = cache(async () => {
  const session = await requireSession("registrar", { next: "/registrar" });
  // Auditors read everything and change nothing: pages show them no mutating controls.
  return { ...session, roleLabel: ROLE_LABELS[session.ctx.role], canWrite: session.ctx.role === "registrar_admin" };
});
