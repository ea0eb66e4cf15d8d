/**
 * The acting context every service takes. There is no ambient tenant: who acts, for which reseller
 * and with which role is always passed in, and every lookup by id checks it.
 */
import type { Role } from "@/generated/prisma/enums";
import { AppError } from "./errors";

export type ActorContext =
  | {
      kind: "user";
      actorId: string;
      resellerId: string;
      role: Extract<Role, "owner" | "admin" | "support" | "billing">;
    }
  | {
      kind: "registrar";
      actorId: string;
      resellerId: null;
      role: Extract<Role, "registrar_admin" | "registrar_auditor">;
    }
  | { kind: "registrant"; actorId: string; resellerId: string; role: "registrant" }
  | { kind: "system"; actorId: null; resellerId: string | null; role: "system" };

export const systemContext = (resellerId: string | null = null): ActorContext => ({
  kind: "system",
  actorId: null,
  resellerId,
  role: "system",
});

/** Throws unless ctx may act on rows of `resellerId` (registrar staff and the system may act on any). */
export function assertTenant(ctx: ActorContext, resellerId: string): void {
  if (ctx.kind === "registrar" || (ctx.kind === "system" && ctx.resellerId === null)) return;
  if (ctx.resellerId !== resellerId) throw new AppError("NOT_FOUND");
}

/** Throws unless ctx may change state: auditors read everything and change nothing. */
export function assertCanWrite(ctx: ActorContext): void {
  if (ctx.kind === "registrar" && ctx.role === "registrar_auditor") throw new AppError("READ_ONLY");
}

export function assertRole(ctx: ActorContext, roles: readonly ActorContext["role"][]): void {
  if (!roles.includes(ctx.role)) throw new AppError("FORBIDDEN");
}
