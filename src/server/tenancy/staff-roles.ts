/** The roles a membership can hold, by scope: a reseller's staff or the registrar's. */
import type { Role } from "@/generated/prisma/enums";

export const RESELLER_ROLES = ["owner", "admin", "support", "billing"] as const satisfies readonly Role[];
export const REGISTRAR_ROLES = ["registrar_admin", "registrar_auditor"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  support: "Support",
  billing: "Billing",
  registrar_admin: "Registrar admin",
  registrar_auditor: "Auditor",
};

/** The role that must always have at least one holder in each scope. */
export function keeperRole(resellerId: string | null): Role {
  return resellerId === null ? "registrar_admin" : "owner";
}
