import { db } from "@/server/db";
import { sealSecret } from "@/server/crypto/sealed-secret";
import { newTotpSecret, totpCodeForStep, totpStepAt } from "@/server/auth/second-factor/totp";

/** Turns TOTP on for a user with a known secret (as a confirmed enrolment would) and returns the secret. */
export async function enrolTotp(userId: string, secret = newTotpSecret()): Promise<string> {
  await db.user.update({
    where: { id: userId },
    data: { totpSecret: sealSecret(secret), totpEnabledAt: new Date(), totpLastStep: null },
  });
  return secret;
}

/** The code an authenticator app shows now for `secret` (or `steps` steps away). */
export function totpCodeNow(secret: string, steps = 0): string {
  return totpCodeForStep(secret, totpStepAt(Date.now()) + steps);
}
