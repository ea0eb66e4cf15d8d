/**
 * "Confirm it's you" for console staff: the password, and the current TOTP or a recovery code when
 * the account has two-factor sign-in. Both are limited exactly as at sign-in (the same three budgets,
 * reserved before the check); success moves this session's `reauthAt` to now.
 */
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkCredentials } from "../check-credentials";
import type { Principal } from "../sign-in-keys";
import { verifySecondFactor } from "./verify-second-factor";

const WRONG_PASSWORD = "That is not your password.";
const CODE_NEEDED = "Enter the code from your authenticator app, or one of your recovery codes.";

export async function confirmIdentity(
  actorId: string,
  input: { password: string; code?: string },
  req: { clientAddress: string; sessionId: string | null },
): Promise<void> {
  if (req.sessionId === null) throw new AppError("UNAUTHENTICATED");
  const user = await db.user.findUniqueOrThrow({
    where: { id: actorId },
    select: { id: true, email: true, passwordHash: true, disabledAt: true, totpEnabledAt: true },
  });
  const hasTotp = user.totpEnabledAt !== null;
  const code = input.code?.trim() ?? "";
  // Asked before the password is checked, so a missing code costs no attempt.
  if (hasTotp && code === "") throw new AppError("INVALID_INPUT", undefined, { fields: { code: CODE_NEEDED } });
  await checkConfirmPassword(user, input.password, req.clientAddress, hasTotp);
  if (hasTotp) await verifySecondFactor(user, code, req.clientAddress);
  await markReauthenticated(actorId, req.sessionId);
}

type ConfirmingUser = { id: string; email: string; passwordHash: string; disabledAt: Date | null };

/** The password half of a confirmation, spending the sign-in budgets (also used with a passkey). */
export async function checkConfirmPassword(
  user: ConfirmingUser,
  password: string,
  clientAddress: string,
  secondStepFollows: boolean,
  who: Principal = { kind: "user" },
): Promise<void> {
  try {
    await checkCredentials(who, user.email, password, clientAddress, user, { secondStepFollows });
  } catch (e) {
    // The sign-in message talks about "email and password"; here only the password was typed.
    if (e instanceof AppError && e.code === "UNAUTHENTICATED")
      throw new AppError("INVALID_INPUT", undefined, { fields: { password: WRONG_PASSWORD } });
    throw e;
  }
}

/** Moves this session's proof to now; only a live session of this account (staff or registrant) moves. */
export async function markReauthenticated(actorId: string, sessionId: string): Promise<void> {
  const refreshed = await db.session.updateMany({
    where: {
      id: sessionId,
      OR: [{ userId: actorId }, { registrantId: actorId }],
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
    data: { reauthAt: new Date() },
  });
  if (refreshed.count !== 1) throw new AppError("UNAUTHENTICATED");
}
