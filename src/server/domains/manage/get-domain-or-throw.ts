/**
 * A domain by id as the actor may see it: another reseller's domain, or (for a registrant) another
 * registrant's, is "not found" rather than "forbidden", so ids reveal nothing. `write` also refuses
 * auditors and roles that may not manage domains.
 */
import { db, type Tx } from "@/server/db";
import { assertCanWrite, assertRole, assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import type { Domain } from "@/generated/prisma/client";

export const MANAGE_ROLES = ["owner", "admin", "support", "registrant", "registrar_admin", "system"] as const;

export async function getDomainOrThrow(
  ctx: ActorContext,
  id: string,
  opts: { write?: boolean; tx?: Tx } = {},
): Promise<Domain> {
  const domain = await (opts.tx ?? db).domain.findUnique({ where: { id } });
  if (!domain) throw new AppError("NOT_FOUND", "We could not find that domain.");
  assertTenant(ctx, domain.resellerId);
  if (ctx.kind === "registrant" && domain.registrantId !== ctx.actorId)
    throw new AppError("NOT_FOUND", "We could not find that domain.");
  if (opts.write) {
    assertCanWrite(ctx);
    assertRole(ctx, MANAGE_ROLES);
  }
  return domain;
}

/** States in which the registry still sponsors the name for us and ordinary changes make sense. */
const MANAGEABLE = new Set(["active", "expired", "pending_transfer_out"]);

export function assertManageable(domain: Domain, what: string): void {
  if (!MANAGEABLE.has(domain.state)) {
    throw new AppError("CONFLICT", `You cannot ${what} while the domain is ${domain.state.replaceAll("_", " ")}.`);
  }
}
