/**
 * Turning two-factor sign-in off takes the password and a current code or a recovery code, so a
 * borrowed unlocked session alone cannot do it. The secret, the recovery codes and the passkeys go
 * (passkeys stand beside TOTP, never alone: docs/decisions/096-passkeys.md), and every other session
 * ends. People whose role requires a second factor are asked to set up a new one at
 * their next sign-in (that is how they move it to a new phone).
 */
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { TOO_MANY_ATTEMPTS } from "../check-credentials";
import { endOtherSessions, subjectOf, type Self } from "../end-sessions";
import { verifyPassword } from "../password";
import { ACCOUNT_RULE } from "../rate-limit";
import { reserveAttempt } from "../reserve-attempt";
import { accountKey } from "../sign-in-keys";
import { verifySecondFactor } from "./verify-second-factor";

type Staff = Extract<Self, { kind: "user" | "registrar" }>;

export async function disableTotp(
  ctx: Staff,
  input: { password: string; code: string },
  req: { clientAddress: string; sessionId: string | null },
): Promise<void> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: ctx.actorId },
    select: { email: true, passwordHash: true, totpEnabledAt: true },
  });
  if (!user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is not on for this account.");
  const reservation = await reserveAttempt([{ key: accountKey({ kind: "user" }, user.email), rule: ACCOUNT_RULE }]);
  if (!reservation) throw new AppError("RATE_LIMITED", TOO_MANY_ATTEMPTS);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError("INVALID_INPUT", undefined, { fields: { password: "That is not your password." } });
  }
  await reservation.release();
  await verifySecondFactor({ id: ctx.actorId, email: user.email }, input.code, req.clientAddress);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: ctx.actorId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: ctx.actorId } });
    await tx.passkey.deleteMany({ where: { userId: ctx.actorId } });
    await endOtherSessions(tx, subjectOf(ctx), req.sessionId);
    await recordAudit(tx, ctx, { action: "second_factor.disable", entity: "user", entityId: ctx.actorId });
  });
}
