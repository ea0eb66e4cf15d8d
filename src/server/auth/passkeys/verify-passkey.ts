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
import { accountAddressKey, type Principal } from "../sign-in-keys";
import { takeChallenge, type CeremonyPurpose } from "./challenges";
import { advanceCounter, findCredential, type PasskeyOwner } from "./passkey-owner";
import type { RelyingParty } from "./relying-party";
import { knownTransports } from "./response-schemas";

export const PASSKEY_REFUSED = "That passkey could not be verified. Try again, or enter a code instead.";

type AssertionPurpose = Exclude<CeremonyPurpose, "register">;

async function acceptAssertion(
  owner: PasskeyOwner,
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  purpose: AssertionPurpose,
) {
  const passkey = await findCredential(owner, rp.rpID, response.id);
  if (!passkey) return false;
  let result: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (challenge) => takeChallenge(purpose, owner, rp, challenge),
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
  return advanceCounter(owner, passkey.id, passkey.counter, BigInt(result.authenticationInfo.newCounter));
}

const principalOf = (owner: PasskeyOwner): Principal =>
  owner.kind === "user" ? { kind: "user" } : { kind: "registrant", resellerId: owner.resellerId };

export async function verifyPasskeyAssertion(
  account: PasskeyOwner & { email: string },
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  clientAddress: string,
  purpose: AssertionPurpose = "sign-in",
): Promise<void> {
  const who = principalOf(account);
  const reservation = await reserveAttempt(await signInBudgets(who, account.email, clientAddress, account.id));
  if (!reservation) throw new AppError("RATE_LIMITED", TOO_MANY_ATTEMPTS);
  if (!(await acceptAssertion(account, rp, response, purpose))) throw new AppError("INVALID_INPUT", PASSKEY_REFUSED);
  await reservation.release();
  await clearHits(db, accountAddressKey(who, account.email, clientAddress));
}
