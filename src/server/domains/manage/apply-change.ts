/** Records a domain change and its audit entry in one transaction (the registry already agreed). */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import type { Domain, Prisma } from "@/generated/prisma/client";

export async function applyDomainChange(
  ctx: ActorContext,
  domain: Domain,
  action: string,
  data: Prisma.DomainUpdateInput,
  audit: { before: unknown; after: unknown },
): Promise<Domain> {
  return db.$transaction(async (tx) => {
    const updated = await tx.domain.update({ where: { id: domain.id }, data });
    await recordAudit(tx, ctx, {
      action,
      entity: "domain",
      entityId: domain.id,
      resellerId: domain.resellerId,
      before: audit.before,
      after: audit.after,
    });
    return updated;
  });
}

export type ManageResult = { message: string; code: number };
