/**
 * Sets a new password from a reset link. The link works once, for one hour, only on the host it was
 * made for; using it ends every session of the account and every other outstanding link.
 */
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { endSessions } from "./end-sessions";
import { hashPassword } from "./password";
import { clearHits } from "./rate-limit";
import { accountKey } from "./sign-in-keys";
import type { ResetTarget } from "./password-reset-target";
import { hashToken } from "./tokens";

export const INVALID_RESET_LINK =
  "This reset link is not valid any more. Links work once, for one hour: ask for a new one.";

async function findToken(tx: Tx, target: ResetTarget, token: string) {
  const row = await tx.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.usedAt || row.expiresAt <= new Date() || row.subject !== target.kind) return null;
  if (target.kind === "registrant") {
    const r = await tx.registrant.findUnique({ where: { id: row.subjectId }, select: { resellerId: true } });
    if (r?.resellerId !== target.resellerId) return null;
  }
  return row;
}

/** Whether the link can still be used here (the page shows the form or says the link is spent). */
export async function isResetTokenValid(target: ResetTarget, token: string): Promise<boolean> {
  return (await findToken(db, target, token)) !== null;
}

export async function resetPassword(target: ResetTarget, input: { token: string; password: string }): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const row = await findToken(tx, target, input.token);
    if (!row) throw new AppError("NOT_FOUND", INVALID_RESET_LINK);
    // Conditional on still unused: two tabs racing with one link, one wins.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", INVALID_RESET_LINK);
    await tx.passwordResetToken.updateMany({
      where: { subject: row.subject, subjectId: row.subjectId, usedAt: null },
      data: { usedAt: new Date() },
    });
    const data = { passwordHash };
    let ctx: ActorContext;
    let email: string;
    if (target.kind === "user") {
      const u = await tx.user.update({ where: { id: row.subjectId }, data, select: { email: true } });
      ctx = { kind: "system", actorId: null, resellerId: null, role: "system" };
      email = u.email;
    } else {
      const r = await tx.registrant.update({ where: { id: row.subjectId }, data, select: { email: true } });
      ctx = { kind: "registrant", actorId: row.subjectId, resellerId: target.resellerId, role: "registrant" };
      email = r.email;
    }
    // Whoever knew the old password is signed out everywhere.
    await endSessions(tx, { kind: target.kind, id: row.subjectId });
    await clearHits(tx, accountKey(target, email));
    await recordAudit(tx, ctx, {
      action: "password.reset",
      entity: target.kind,
      entityId: row.subjectId,
      after: { via: "reset link" },
    });
  });
}
