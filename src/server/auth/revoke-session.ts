/**
 * Revokes one of the acting person's own sessions from their account page. Someone else's session,
 * or one already ended, is "not found".
 */
import { z } from "zod";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { ownedBy, subjectOf, type Self } from "./end-sessions";

export const revokeSessionInput = z.object({ sessionId: z.uuid() });

export async function revokeSession(ctx: Self, input: z.output<typeof revokeSessionInput>): Promise<void> {
  const subject = subjectOf(ctx);
  await db.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { id: input.sessionId, ...ownedBy(subject), revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count !== 1) throw new AppError("NOT_FOUND");
    await recordAudit(tx, ctx, { action: "session.revoke", entity: "session", entityId: input.sessionId });
  });
}
