/**
 * WebAuthn challenges live on the server, one row per ceremony: made with the options, taken (deleted)
 * when the answer comes back, right or wrong, so an answer can never be replayed. Each is bound to
 * its account, its purpose and its relying party, and expires.
 */
import { db } from "@/server/db";
import type { RelyingParty } from "./relying-party";

export const CHALLENGE_TTL_MS = 5 * 60_000;

// "confirm" is kept apart from "sign-in" so an answer given for one ceremony is never taken by the other.
export type CeremonyPurpose = "register" | "sign-in" | "confirm";

/** Stores `challenge` as the account's one open ceremony of this purpose. */
export async function storeChallenge(
  purpose: CeremonyPurpose,
  userId: string,
  rp: RelyingParty,
  challenge: string,
  now = new Date(),
): Promise<void> {
  await db.$transaction([
    // An older ceremony of the same kind is abandoned; expired rows of anyone go too (indexed).
    db.webAuthnChallenge.deleteMany({ where: { OR: [{ userId, purpose }, { expiresAt: { lt: now } }] } }),
    db.webAuthnChallenge.create({
      data: {
        challenge,
        purpose,
        userId,
        rpId: rp.rpID,
        origin: rp.origin,
        expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
      },
    }),
  ]);
}

/** True once for a challenge this account was given for this purpose here, unexpired; false after. */
export async function takeChallenge(
  purpose: CeremonyPurpose,
  userId: string,
  rp: RelyingParty,
  challenge: string,
  now = new Date(),
): Promise<boolean> {
  const taken = await db.webAuthnChallenge.deleteMany({
    where: { challenge, purpose, userId, rpId: rp.rpID, origin: rp.origin, expiresAt: { gt: now } },
  });
  return taken.count === 1;
}
