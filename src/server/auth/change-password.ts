/**
 * Changes one's own password after re-entering the current one. Every other session of the account
 * is revoked; the one the change was made in carries on. Wrong current passwords spend the
 * account-wide sign-in budget, reserved before the check so parallel guesses cannot pass it.
 */
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { TOO_MANY_ATTEMPTS } from "./check-credentials";
import { endOtherSessions, subjectOf, type Self } from "./end-sessions";
import { hashPassword, verifyPassword } from "./password";
import { ACCOUNT_RULE } from "./rate-limit";
import { reserveAttempt } from "./reserve-attempt";
import { accountKey, type Principal } from "./sign-in-keys";

async function loadSelf(ctx: Self) {
  if (ctx.kind === "registrant") {
    const r = await db.registrant.findUniqueOrThrow({
      where: { id: ctx.actorId },
      select: { email: true, passwordHash: true },
    });
    return { ...r, who: { kind: "registrant", resellerId: ctx.resellerId } as Principal };
  }
  const u = await db.user.findUniqueOrThrow({
    where: { id: ctx.actorId },
    select: { email: true, passwordHash: true },
  });
  return { ...u, who: { kind: "user" } as Principal };
}

export async function changePassword(
  ctx: Self,
  input: { currentPassword: string; newPassword: string },
  opts: { currentSessionId: string | null },
): Promise<void> {
  const self = await loadSelf(ctx);
  const reservation = await reserveAttempt([{ key: accountKey(self.who, self.email), rule: ACCOUNT_RULE }]);
  if (!reservation) throw new AppError("RATE_LIMITED", TOO_MANY_ATTEMPTS);
  if (!(await verifyPassword(self.passwordHash, input.currentPassword))) {
    throw new AppError("INVALID_INPUT", undefined, {
      fields: { currentPassword: "That is not your current password." },
    });
  }
  await reservation.release();
  if (input.currentPassword === input.newPassword) {
    throw new AppError("INVALID_INPUT", undefined, {
      fields: { newPassword: "Choose a password different from the current one." },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    if (ctx.kind === "registrant") await tx.registrant.update({ where: { id: ctx.actorId }, data: { passwordHash } });
    else await tx.user.update({ where: { id: ctx.actorId }, data: { passwordHash } });
    await endOtherSessions(tx, subjectOf(ctx), opts.currentSessionId);
    await recordAudit(tx, ctx, {
      action: "password.change",
      entity: ctx.kind === "registrant" ? "registrant" : "user",
      entityId: ctx.actorId,
    });
  });
}
