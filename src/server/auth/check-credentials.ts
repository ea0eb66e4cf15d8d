/**
 * The throttled password check behind both sign-in flows: refuse while the account or the address is
 * over its limit, count every failure against both, forget the account's failures on success. The
 * answer never says whether the email exists.
 */
import { AppError } from "@/server/errors";
import { db } from "@/server/db";
import { ACCOUNT_RULE, ADDRESS_RULE, clearHits, isLimited, recordHit } from "./rate-limit";
import { verifyAgainstNothing, verifyPassword } from "./password";
import { accountKey, addressKey, type Principal } from "./sign-in-keys";

export const TOO_MANY_ATTEMPTS =
  "Too many failed sign-in attempts. Please wait 15 minutes before trying again, or reset your password.";
export const WRONG_CREDENTIALS = "That email and password do not match an account here.";

export async function checkCredentials<T extends { passwordHash: string; disabledAt: Date | null }>(
  who: Principal,
  email: string,
  password: string,
  clientAddress: string,
  account: T | null,
): Promise<T> {
  const keys = [accountKey(who, email), addressKey(clientAddress)] as const;
  const limited = (await isLimited(db, keys[0], ACCOUNT_RULE)) || (await isLimited(db, keys[1], ADDRESS_RULE));
  if (limited) throw new AppError("RATE_LIMITED", TOO_MANY_ATTEMPTS);
  const ok = account ? await verifyPassword(account.passwordHash, password) : await verifyAgainstNothing(password);
  if (!ok || !account || account.disabledAt) {
    await recordHit(db, keys[0], ACCOUNT_RULE);
    await recordHit(db, keys[1], ADDRESS_RULE);
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }
  await clearHits(db, keys[0]);
  return account;
}
