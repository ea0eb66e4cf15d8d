/**
 * Checks a passkey assertion as the second factor of an account: the credential must be one of the
 * account's, made on this relying party; the challenge one we handed this account for this purpose
 * (sign-in, or "Confirm it's you") and not yet answered; the origin and RP ID this host's; the signature the stored key's; and the
 * signature counter must move on (a cloned authenticator shows as a counter that does not). Each
 * attempt spends the sign-in budgets like a TOTP code (decision 068).
 */
import { verifyAuthenticationResponse } from "./webauthn-server";
import type { AuthenticationResponseJSON } from "./webauthn-server";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { signInBudgets, TOO_MANY_ATTEMPTS } from "../check-credentials";
import { clearHits } from "../rate-limit";
import { reserveAttempt } from "../reserve-attempt";
import { accountAddressKey } from "../sign-in-keys";
import { takeChallenge, type CeremonyPurpose } from "./challenges";
import type { RelyingParty } from "./relying-party";
import { knownTransports } from "./response-schemas";

export const PASSKEY_REFUSED = "That passkey could not be verified. Try again, or enter a code instead.";

type AssertionPurpose = Exclude<CeremonyPurpose, "register">;

async function acceptAssertion(
  userId: string,
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  purpose: AssertionPurpose,
) {
  const passkey = await db.passkey.findFirst({
    where: { credentialId: response.id, userId, rpId: rp.rpID },
    select: { id: true, credentialId: true, publicKey: true, counter: true, transports: true },
  });
  if (!passkey) return false;
  let result: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (challenge) => takeChallenge(purpose, userId, rp, challenge),
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: Number(passkey.counter),
        transports: knownTransports(passkey.transports),
      },
      requireUserVerification: false,
    });
  } catch {
    return false;
  }
  if (!result.verified) return false;
  // Conditional on the counter read above: two answers racing with one counter value, one wins.
  const moved = await db.passkey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: BigInt(result.authenticationInfo.newCounter), lastUsedAt: new Date() },
  });
  return moved.count === 1;
}

export async function verifyPasskeyAssertion(
  account: { id: string; email: string },
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  clientAddress: string,
  purpose: AssertionPurpose = "sign-in",
): Promise<void> {
  const who = { kind: "user" } as const;
  const reservation = await reserveAttempt(await signInBudgets(who, account.email, clientAddress, account.id));
  if (!reservation) throw new AppError("RATE_LIMITED", TOO_MANY_ATTEMPTS);
  if (!(await acceptAssertion(account.id, rp, response, purpose))) throw new AppError("INVALID_INPUT", PASSKEY_REFUSED);
  await reservation.release();
  await clearHits(db, accountAddressKey(who, account.email, clientAddress));
}
