/**
 * Revoking a key: the next request with it is refused in every process. Processes keep key rows
 * (key-cache.ts), but the "ApiKey" trigger notifies them at commit and every cached answer waits for
 * its process's read barrier first (decision 108). Revoking twice is harmless; another reseller's key
 * is not found.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { requireResellerManager } from "@/server/tenancy/guards";

export async function revokeApiKey(ctx: ActorContext, resellerId: string, keyId: string, now = new Date()) {
  requireResellerManager(ctx, resellerId);
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id: keyId } });
    if (!key || key.resellerId !== resellerId) throw new AppError("NOT_FOUND", "We could not find that key.");
    if (key.revokedAt) return { id: key.id, revokedAt: key.revokedAt };
    const updated = await tx.apiKey.update({
      where: { id: key.id },
      data: { revokedAt: now, revokedById: ctx.actorId },
    });
    await recordAudit(tx, ctx, {
      action: "api_key.revoke",
      entity: "api_key",
      entityId: key.id,
      resellerId,
      before: { revokedAt: null },
      after: { revokedAt: now, displayPrefix: key.displayPrefix },
    });
    return { id: updated.id, revokedAt: now };
  });
}
