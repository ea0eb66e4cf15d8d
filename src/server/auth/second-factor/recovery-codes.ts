/**
 * One-time recovery codes: ten per enrolment, shown once, stored as SHA-256 hashes. They carry 50
 * random bits each, so a fast hash is enough; a slow one would only slow sign-in. Using one marks
 * it used in one conditional update, so two parallel uses cannot both pass.
 */
import { createHash, randomInt } from "node:crypto";
import type { Tx } from "@/server/db";

export const RECOVERY_CODE_COUNT = 10;
// No 0/1/o/l/i, so a code read from paper is typed right.
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const LENGTH = 10;

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return new RegExp(`^[${ALPHABET}]{${LENGTH}}$`).test(normaliseRecoveryCode(code));
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(`recovery-code:${normaliseRecoveryCode(code)}`)
    .digest("hex");
}

export function newRecoveryCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Replaces the account's recovery codes with fresh ones and returns them (the only time they are readable). */
export async function issueRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
  return codes;
}

export async function spendRecoveryCode(tx: Tx, userId: string, code: string): Promise<boolean> {
  if (!looksLikeRecoveryCode(code)) return false;
  const used = await tx.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return used.count === 1;
}
