/**
 * Setting up an authenticator: a secret is made (sealed at rest) and shown until a code from it
 * confirms it; only then is the second factor on, and ten recovery codes are issued and shown once.
 * Showing the set-up page twice shows the same secret, so a reload does not undo a scan.
 */
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { openSecret, sealSecret } from "@/server/crypto/sealed-secret";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { signInBudgets, TOO_MANY_ATTEMPTS } from "../check-credentials";
import { reserveAttempt } from "../reserve-attempt";
import { issueRecoveryCodes } from "./recovery-codes";
import { acceptTotpCode } from "./verify-second-factor";
import { newTotpSecret, totpUri } from "./totp";

export type PendingTotp = { secret: string; uri: string };

export const ALREADY_ENROLLED = "Two-factor sign-in is already on for this account.";

/** The secret waiting for confirmation (made now if there is none), or null when TOTP is already on. */
export async function pendingTotpEnrolment(userId: string): Promise<PendingTotp | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, totpSecret: true, totpEnabledAt: true },
    });
    if (user.totpEnabledAt) return null;
    const existing = user.totpSecret ? openSecret(user.totpSecret) : null;
    if (existing) return { secret: existing, uri: totpUri(existing, user.email) };
    const secret = newTotpSecret();
    // Only where nothing readable is pending: two pages rendered at once agree on one secret.
    const set = await db.user.updateMany({
      where: { id: userId, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpSecret: sealSecret(secret) },
    });
    if (set.count === 1) return { secret, uri: totpUri(secret, user.email) };
  }
  throw new AppError("CONFLICT", "Your authenticator set-up changed meanwhile. Reload the page.");
}

/** Turns TOTP on when `code` matches the pending secret; returns the recovery codes to show once. */
export async function confirmTotpEnrolment(
  ctx: ActorContext & { actorId: string },
  code: string,
  clientAddress: string,
): Promise<string[]> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: ctx.actorId },
    select: { email: true, totpSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new AppError("CONFLICT", ALREADY_ENROLLED);
  if (!user.totpSecret) throw new AppError("CONFLICT", "Reload the page to get a new secret for your authenticator.");
  const reservation = await reserveAttempt(
    await signInBudgets({ kind: "user" }, user.email, clientAddress, ctx.actorId),
  );
  if (!reservation) throw new AppError("RATE_LIMITED", TOO_MANY_ATTEMPTS);
  if ((await acceptTotpCode(ctx.actorId, user.totpSecret, code)) === null) {
    throw new AppError("INVALID_INPUT", undefined, {
      fields: { code: "That code does not match. Check the time on your phone and enter the newest code." },
    });
  }
  await reservation.release();
  return db.$transaction(async (tx) => {
    const on = await tx.user.updateMany({
      where: { id: ctx.actorId, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpEnabledAt: new Date() },
    });
    if (on.count !== 1) throw new AppError("CONFLICT", ALREADY_ENROLLED);
    const codes = await issueRecoveryCodes(tx, ctx.actorId);
    await recordAudit(tx, ctx, { action: "second_factor.enable", entity: "user", entityId: ctx.actorId });
    return codes;
  });
}
