/**
 * The throttled password check behind both sign-in flows (docs/decisions/068-sign-in-limits-and-sessions.md).
 * Before the password hash is touched, one attempt is reserved against three budgets: this account
 * from this address, this address across all accounts, and — unless the account signed in from
 * this address lately — the account-wide budget. So parallel guesses cannot pass a limit, a guesser
 * elsewhere cannot spend the owner's budget, and guesses from many addresses stay bounded. A success
 * gives the reservations back and forgets this address's failures for the account. The answer never
 * says whether the email exists.
 */
import { AppError } from "@/server/errors";
import { db } from "@/server/db";
import { ACCOUNT_ADDRESS_RULE, ACCOUNT_RULE, ADDRESS_RULE, clearHits } from "./rate-limit";
import { verifyAgainstNothing, verifyPassword } from "./password";
import { reserveAttempt, type Budget } from "./reserve-attempt";
import { accountAddressKey, accountKey, addressKey, type Principal } from "./sign-in-keys";

export const TOO_MANY_ATTEMPTS =
  "Too many failed sign-in attempts. Please wait 15 minutes before trying again, or reset your password.";
export const WRONG_CREDENTIALS = "That email and password do not match an account here.";

/** How long a successful sign-in makes its address "known" to the account. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60_000;

async function signedInFromBefore(who: Principal, accountId: string, clientAddress: string): Promise<boolean> {
  const since = new Date(Date.now() - KNOWN_ADDRESS_MS);
  const owner = who.kind === "user" ? { userId: accountId } : { registrantId: accountId };
  const row = await db.session.findFirst({
    where: { ...owner, address: clientAddress, createdAt: { gt: since } },
    select: { id: true },
  });
  return row !== null;
}

/** The budgets one sign-in attempt spends; a second-factor code spends the same ones. */
export async function signInBudgets(
  who: Principal,
  email: string,
  clientAddress: string,
  accountId: string | null,
): Promise<Budget[]> {
  const known = accountId !== null && (await signedInFromBefore(who, accountId, clientAddress));
  return [
    { key: addressKey(clientAddress), rule: ADDRESS_RULE },
    { key: accountAddressKey(who, email, clientAddress), rule: ACCOUNT_ADDRESS_RULE },
    ...(known ? [] : [{ key: accountKey(who, email), rule: ACCOUNT_RULE }]),
  ];
}

export async function checkCredentials<T extends { id: string; passwordHash: string; disabledAt: Date | null }>(
  who: Principal,
  email: string,
  password: string,
  clientAddress: string,
  account: T | null,
  // When a second factor follows, only its success forgets this address's failures: otherwise each
  // right password would wipe the wrong codes guessed after it.
  opts: { secondStepFollows?: boolean } = {},
): Promise<T> {
  const reservation = await reserveAttempt(await signInBudgets(who, email, clientAddress, account?.id ?? null));
  if (!reservation) throw new AppError("RATE_LIMITED", TOO_MANY_ATTEMPTS);
  const ok = account ? await verifyPassword(account.passwordHash, password) : await verifyAgainstNothing(password);
  if (!ok || !account || account.disabledAt) throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  await reservation.release();
  if (!opts.secondStepFollows) await clearHits(db, accountAddressKey(who, email, clientAddress));
  return account;
}
