/**
 * Listing, naming and removing one's own passkeys. Every lookup is by the signed-in account, so a
 * passkey id of someone else reads as "not found".
 */
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

type Staff = Extract<ActorContext, { kind: "user" | "registrar" }>;

export type PasskeyRow = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

export function listPasskeys(userId: string, rpID: string): Promise<PasskeyRow[]> {
  return db.passkey.findMany({
    where: { userId, rpId: rpID },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
  });
}

export async function renamePasskey(ctx: Staff, input: { passkeyId: string; name: string }): Promise<void> {
  const renamed = await db.passkey.updateMany({
    where: { id: input.passkeyId, userId: ctx.actorId },
    data: { name: input.name },
  });
  if (renamed.count !== 1) throw new AppError("NOT_FOUND");
}

export async function removePasskey(ctx: Staff, input: { passkeyId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const gone = await tx.passkey.deleteMany({ where: { id: input.passkeyId, userId: ctx.actorId } });
    if (gone.count !== 1) throw new AppError("NOT_FOUND");
    await recordAudit(tx, ctx, {
      action: "passkey.remove",
      entity: "user",
      entityId: ctx.actorId,
      before: { passkeyId: input.passkeyId },
    });
  });
}
