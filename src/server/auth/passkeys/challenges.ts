/**
 * WebAuthn challenges live on the server, one row per ceremony: made with the options, taken (deleted)
 * when the answer comes back, right or wrong, so an answer can never be replayed. Each is bound to
 * its account, its purpose and its relying party, and expires.
 */
import { deleteChallenge, replaceChallenge, type PasskeyOwner } from "./passkey-owner";
import type { RelyingParty } from "./relying-party";

export const CHALLENGE_TTL_MS = 5 * 60_000;

// "confirm" is kept apart from "sign-in" so an answer given for one ceremony is never taken by the other.
export type CeremonyPurpose = "register" | "sign-in" | "confirm";

/** Stores `challenge` as the account's one open ceremony of this purpose. */
export async function storeChallenge(
  purpose: CeremonyPurpose,
  owner: PasskeyOwner,
  rp: RelyingParty,
  challenge: string,
  now = new Date(),
): Promise<void> {
  await replaceChallenge(
    owner,
    { challenge, purpose, rpId: rp.rpID, origin: rp.origin, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) },
    now,
  );
}

/** True once for a challenge this account was given for this purpose here, unexpired; false after. */
export function takeChallenge(
  purpose: CeremonyPurpose,
  owner: PasskeyOwner,
  rp: RelyingParty,
  challenge: string,
  now = new Date(),
): Promise<boolean> {
  return deleteChallenge(owner, purpose, rp, challenge, now);
}
