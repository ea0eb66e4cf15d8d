/**
 * Checks a second factor (the current TOTP code, or one unused recovery code) of an enrolled console
 * user. Each attempt spends the same sign-in budgets a password does, reserved before the check
 * (docs/decisions/068-sign-in-limits-and-sessions.md), so wrong codes are limited like wrong
 * passwords. A TOTP code is accepted only for a time step later than the last one accepted, in one
 * conditional update: a code seen over someone's shoulder, or sent twice at once, works once.
 */
import { openSecret } from "@/server/crypto/sealed-secret";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { signInBudgets, TOO_MANY_ATTEMPTS } from "../check-credentials";
import { clearHits } from "../rate-limit";
import { reserveAttempt } from "../reserve-attempt";
import { accountAddressKey } from "../sign-in-keys";
import { spendRecoveryCode } from "./recovery-codes";
import { matchTotpStep } from "./totp";

export const WRONG_CODE =
  "That code is not right. Enter the current code from your authenticator app, or one of your recovery codes.";

/** Accepts the TOTP step of `code` if it is newer than the last accepted one. */
export async function acceptTotpCode(
  userId: string,
  sealedSecret: string,
  code: string,
  now = Date.now(),
): Promise<number | null> {
  const secret = openSecret(sealedSecret);
  const step = secret === null ? null : matchTotpStep(secret, code.replace(/\s/g, ""), now);
  if (step === null) return null;
  const taken = await db.user.updateMany({
    where: { id: userId, totpSecret: sealedSecret, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return taken.count === 1 ? step : null;
}

async function acceptAnyFactor(userId: string, code: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user?.totpSecret || !user.totpEnabledAt) return false;
  if ((await acceptTotpCode(userId, user.totpSecret, code)) !== null) return true;
  return spendRecoveryCode(db, userId, code);
}

/** Throws unless `code` is a valid, unused second factor of the account. */
export async function verifySecondFactor(
  account: { id: string; email: string },
  code: string,
  clientAddress: string,
): Promise<void> {
  const who = { kind: "user" } as const;
  const reservation = await reserveAttempt(await signInBudgets(who, account.email, clientAddress, account.id));
  if (!reservation) throw new AppError("RATE_LIMITED", TOO_MANY_ATTEMPTS);
  if (!(await acceptAnyFactor(account.id, code)))
    throw new AppError("INVALID_INPUT", undefined, { fields: { code: WRONG_CODE } });
  await reservation.release();
  await clearHits(db, accountAddressKey(who, account.email, clientAddress));
}
