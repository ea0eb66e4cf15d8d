/**
 * Who may do what in tenancy, in one place. Services call these first; the action client checks the
 * same things before a service runs, and these are the second wall.
 */
import type { Tx } from "@/server/db";
import { assertCanWrite, assertRole, assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";

const REGISTRAR_READERS = ["registrar_admin", "registrar_auditor", "system"] as const;
const RESELLER_MANAGERS = ["owner", "admin", "system"] as const;

export function requireRegistrarReader(ctx: ActorContext): void {
  assertRole(ctx, REGISTRAR_READERS);
}

export function requireRegistrarAdmin(ctx: ActorContext): void {
  assertCanWrite(ctx);
  assertRole(ctx, ["registrar_admin", "system"]);
}

/** Anyone who may read a reseller's console data: its own staff, registrar staff, the system. */
export function requireResellerReader(ctx: ActorContext, resellerId: string): void {
  if (ctx.kind === "registrant") throw new AppError("FORBIDDEN");
  assertTenant(ctx, resellerId);
}

/** Owners and admins of this reseller (and the system, for the seed) change branding, hosts and staff. */
export function requireResellerManager(ctx: ActorContext, resellerId: string): void {
  requireResellerReader(ctx, resellerId);
  assertCanWrite(ctx);
  if (ctx.kind === "registrar")
    throw new AppError("READ_ONLY", "Registrar staff view reseller settings; the reseller's own staff change them.");
  assertRole(ctx, RESELLER_MANAGERS);
}

/** A suspended or closed reseller's console is read-only. Call inside the write's transaction. */
export async function assertResellerWritable(tx: Tx, resellerId: string): Promise<void> {
  const reseller = await tx.reseller.findUnique({ where: { id: resellerId }, select: { status: true } });
  if (!reseller) throw new AppError("NOT_FOUND");
  if (reseller.status !== "active") throw new AppError("RESELLER_SUSPENDED");
}
