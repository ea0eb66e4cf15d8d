/**
 * Changes one's own password after re-entering the current one. Every other session of the account
 * ends (the version moves on); the caller re-issues the current session with the returned version.
 * Wrong current passwords count against the account's sign-in limit.
 */
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { hashPassword, verifyPassword } from "./password";
import { ACCOUNT_RULE, isLimited, recordHit } from "./rate-limit";
import { accountKey, type Principal } from "./sign-in-keys";
import { TOO_MANY_ATTEMPTS } from "./check-credentials";

type Self = Extract<ActorContext, { kind: "user" | "registrar" | "registrant" }>;

async function loadSelf(ctx: Self) {
  if (ctx.kind === "registrant") {
    const r = await db.registrant.findUniqueOrThrow({ where: { id: ctx.actorId }, select: { email: true, passwordHash: true } });
    return { ...r, who: { kind: "registrant", resellerId: ctx.resellerId } as Principal };
  }
  const u = await db.user.findUniqueOrThrow({ where: { id: ctx.actorId }, select: { email: true, passwordHash: true } });
  return { ...u, who: { kind: "user" } as Principal };
}

export async function changePassword(ctx: Self, input: { currentPassword: string; newPassword: string }): Promise<{ sessionVersion: number }> {
  const self = await loadSelf(ctx);
  const key = accountKey(self.who, self.email);
  if (await isLimited(db, key, ACCOUNT_RULE)) throw new AppError("RATE_LIMITED", TOO_MANY_ATTEMPTS);
  if (!(await verifyPassword(self.passwordHash, input.currentPassword))) {
    await recordHit(db, key, ACCOUNT_RULE);
    throw new AppError("INVALID_INPUT", undefined, { fields: { currentPassword: "That is not your current password." } });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError("INVALID_INPUT", undefined, { fields: { newPassword: "Choose a password different from the current one." } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const data = { passwordHash, sessionVersion: { increment: 1 } };
    const row =
      ctx.kind === "registrant"
        ? await tx.registrant.update({ where: { id: ctx.actorId }, data, select: { sessionVersion: true } })
        : await tx.user.update({ where: { id: ctx.actorId }, data, select: { sessionVersion: true } });
    await recordAudit(tx, ctx, { action: "password.change", entity: ctx.kind === "registrant" ? "registrant" : "user", entityId: ctx.actorId });
    return { sessionVersion: row.sessionVersion };
  });
}
