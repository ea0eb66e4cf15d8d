/** Who may touch money. Services call these first; the action client checks roles too. */
import { assertCanWrite, assertRole, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { requireResellerReader } from "@/server/tenancy/guards";

export { requireRegistrarAdmin, requireRegistrarReader, requireResellerReader } from "@/server/tenancy/guards";

/** Reseller staff who handle money (owner, admin, billing) for their own reseller; the system. */
export function requireBillingWriter(ctx: ActorContext, resellerId: string): void {
  requireResellerReader(ctx, resellerId);
  assertCanWrite(ctx);
  if (ctx.kind === "registrar")
    throw new AppError("READ_ONLY", "Registrar staff adjust balances from the registrar console.");
  assertRole(ctx, ["owner", "admin", "billing", "system"]);
}

/** Reseller staff who set retail prices (owner, admin); the system for the seed. */
export function requirePriceWriter(ctx: ActorContext, resellerId: string): void {
  requireResellerReader(ctx, resellerId);
  assertCanWrite(ctx);
  if (ctx.kind === "registrar")
    throw new AppError("READ_ONLY", "Registrar staff view retail prices; the reseller sets them.");
  assertRole(ctx, ["owner", "admin", "system"]);
}

/** Support staff may read orders but not money: balances and statements are for billing roles. */
export function requireBillingReader(ctx: ActorContext, resellerId: string): void {
  requireResellerReader(ctx, resellerId);
  assertRole(ctx, ["owner", "admin", "billing", "registrar_admin", "registrar_auditor", "system"]);
}
