/**
 * Who must have a second factor (DESIGN §8, issue 9): registrar staff and reseller owners and
 * admins, whose accounts can move money or act for a whole tenant. Any one such membership is enough,
 * so a person cannot pick a lesser console to sign in without one.
 */
import type { Role } from "@/generated/prisma/enums";

export const SECOND_FACTOR_ROLES: readonly Role[] = ["registrar_admin", "registrar_auditor", "owner", "admin"];

export function requiresSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((r) => SECOND_FACTOR_ROLES.includes(r));
}
