/**
 * The optional second factor of a storefront registrant: TOTP with ten recovery codes, on the same
 * rules as console staff (docs/decisions/071-second-factor.md): a secret sealed at rest and shown
 * until a code confirms it, each time step accepted once in one conditional update, recovery codes
 * stored hashed and spent once, every attempt spending the sign-in budgets before the check.
 */
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { openSecret, sealSecret } from "@/server/crypto/sealed-secret";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { signInBudgets, TOO_MANY_ATTEMPTS } from "../check-credentials";
import { endOtherSessions } from "../end-sessions";
import { registrantHasTotp } from "../registrant-has-totp";
import { verifyPassword } from "../password";
import { ACCOUNT_RULE, clearHits } from "../rate-limit";
import { reserveAttempt } from "../reserve-attempt";
import { accountAddressKey, accountKey } from "../sign-in-keys";
import {
  RECOVERY_CODE_COUNT,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCode,
} from "../second-factor/recovery-codes";
import { matchTotpStep, totpUri } from "../second-factor/totp";
import { newTotpSecret } from "../second-factor/totp";
import { WRONG_CODE } from "../second-factor/verify-second-factor";

type Registrant = Extract<ActorContext, { kind: "registrant" }>;
type Account = { id: string; email: string; resellerId: string };

const who = (resellerId: string) => ({ kind: "registrant", resellerId }) as const;

/** The secret waiting for confirmation (made now if there is none), or null when TOTP is already on. */
export async function pendingRegistrantTotp(account: { id: string; email: string }) {
  await db.registrantTotp.createMany({
    data: [{ registrantId: account.id, secret: sealSecret(newTotpSecret()) }],
    skipDuplicates: true,
  });
  const row = await db.registrantTotp.findUniqueOrThrow({ where: { registrantId: account.id } });
  if (row.enabledAt) return null;
  let secret = openSecret(row.secret);
  if (secret === null) {
    // Sealed under a key no longer held: start set-up again with a fresh secret.
    secret = newTotpSecret();
    await db.registrantTotp.updateMany({
      where: { registrantId: account.id, enabledAt: null, secret: row.secret },
      data: { secret: sealSecret(secret) },
    });
  }
  return { secret, uri: totpUri(secret, account.email) };
}

/** Accepts the TOTP step of `code` if it is newer than the last one accepted for this secret. */
async function acceptCode(registrantId: string, sealed: string, code: string): Promise<boolean> {
  const secret = openSecret(sealed);
  const step = secret === null ? null : matchTotpStep(secret, code.replace(/\s/g, ""));
  if (step === null) return false;
  const taken = await db.registrantTotp.updateMany({
    where: { registrantId, secret: sealed, OR: [{ lastStep: null }, { lastStep: { lt: step } }] },
    data: { lastStep: step },
  });
  return taken.count === 1;
}

async function spendRecoveryCode(registrantId: string, code: string): Promise<boolean> {
  if (!looksLikeRecoveryCode(code)) return false;
  const used = await db.registrantRecoveryCode.updateMany({
    where: { registrantId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return used.count === 1;
}

async function issueRecoveryCodes(tx: Tx, registrantId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.registrantRecoveryCode.deleteMany({ where: { registrantId } });
  await tx.registrantRecoveryCode.createMany({
    data: codes.map((c) => ({ registrantId, codeHash: hashRecoveryCode(c) })),
  });
  return codes;
}

/** Throws unless `code` is the current TOTP code or an unused recovery code of an enrolled registrant. */
export async function verifyRegistrantSecondFactor(account: Account, code: string, clientAddress: string) {
  const w = who(account.resellerId);
  const reservation = await reserveAttempt(await signInBudgets(w, account.email, clientAddress, account.id));
  if (!reservation) throw new AppError("RATE_LIMITED", TOO_MANY_ATTEMPTS);
  const row = await db.registrantTotp.findUnique({ where: { registrantId: account.id } });
  const ok =
    row?.enabledAt != null &&
    ((await acceptCode(account.id, row.secret, code)) || (await spendRecoveryCode(account.id, code)));
  if (!ok) throw new AppError("INVALID_INPUT", undefined, { fields: { code: WRONG_CODE } });
  await reservation.release();
  await clearHits(db, accountAddressKey(w, account.email, clientAddress));
}

async function accountOf(ctx: Registrant) {
  return db.registrant.findUniqueOrThrow({
    where: { id: ctx.actorId },
    select: { id: true, email: true, resellerId: true, passwordHash: true },
  });
}

/** Turns TOTP on when `code` matches the pending secret; returns the recovery codes to show once. */
export async function enableRegistrantTotp(ctx: Registrant, code: string, clientAddress: string): Promise<string[]> {
  const account = await accountOf(ctx);
  const row = await db.registrantTotp.findUnique({ where: { registrantId: account.id } });
  if (row?.enabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is already on for this account.");
  if (!row) throw new AppError("CONFLICT", "Reload the page to get a new secret for your authenticator.");
  const reservation = await reserveAttempt(
    await signInBudgets(who(account.resellerId), account.email, clientAddress, account.id),
  );
  if (!reservation) throw new AppError("RATE_LIMITED", TOO_MANY_ATTEMPTS);
  if (!(await acceptCode(account.id, row.secret, code))) {
    throw new AppError("INVALID_INPUT", undefined, {
      fields: { code: "That code does not match. Check the time on your phone and enter the newest code." },
    });
  }
  await reservation.release();
  return db.$transaction(async (tx) => {
    const on = await tx.registrantTotp.updateMany({
      where: { registrantId: account.id, enabledAt: null, secret: row.secret },
      data: { enabledAt: new Date() },
    });
    if (on.count !== 1) throw new AppError("CONFLICT", "Two-factor sign-in is already on for this account.");
    const codes = await issueRecoveryCodes(tx, account.id);
    await recordAudit(tx, ctx, { action: "second_factor.enable", entity: "registrant", entityId: account.id });
    return codes;
  });
}

/** Off with the password and a current or recovery code; the other sessions end. */
export async function disableRegistrantTotp(
  ctx: Registrant,
  input: { password: string; code: string },
  req: { clientAddress: string; sessionId: string | null },
): Promise<void> {
  const account = await accountOf(ctx);
  if (!(await registrantHasTotp(account.id))) throw new AppError("CONFLICT", "Two-factor sign-in is not on.");
  const reservation = await reserveAttempt([
    { key: accountKey(who(account.resellerId), account.email), rule: ACCOUNT_RULE },
  ]);
  if (!reservation) throw new AppError("RATE_LIMITED", TOO_MANY_ATTEMPTS);
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    throw new AppError("INVALID_INPUT", undefined, { fields: { password: "That is not your password." } });
  }
  await reservation.release();
  await verifyRegistrantSecondFactor(account, input.code, req.clientAddress);
  await db.$transaction(async (tx) => {
    await tx.registrantTotp.deleteMany({ where: { registrantId: account.id } });
    await tx.registrantRecoveryCode.deleteMany({ where: { registrantId: account.id } });
    // Passkeys stand only beside TOTP (decision 120): without recovery codes a lost device would lock out.
    await tx.registrantPasskey.deleteMany({ where: { registrantId: account.id } });
    await endOtherSessions(tx, { kind: "registrant", id: account.id }, req.sessionId);
    await recordAudit(tx, ctx, { action: "second_factor.disable", entity: "registrant", entityId: account.id });
  });
}
