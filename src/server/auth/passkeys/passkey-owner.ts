/**
 * Where an account's passkeys and open challenges are kept: console staff in `Passkey` and
 * `WebAuthnChallenge` (096), storefront registrants in `RegistrantPasskey` and
 * `RegistrantWebAuthnChallenge` (120). The ceremonies are one code path over this; only the tables
 * differ. A registrant's rows are also bound to the reseller of the storefront asking, so a passkey
 * of one storefront's customer is never found on another storefront.
 */
import { db, type Tx } from "@/server/db";
import type { RelyingParty } from "./relying-party";

export type PasskeyOwner = { kind: "user"; id: string } | { kind: "registrant"; id: string; resellerId: string };

export type PasskeyCredential = {
  id: string;
  credentialId: string;
  publicKey: Uint8Array;
  counter: bigint;
  transports: string[];
};

export type PasskeyRow = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

export type NewPasskey = {
  credentialId: string;
  publicKey: Uint8Array;
  counter: bigint;
  transports: string[];
  rpId: string;
  name: string;
};

const credentialFields = { id: true, credentialId: true, publicKey: true, counter: true, transports: true } as const;
const rowFields = { id: true, name: true, createdAt: true, lastUsedAt: true } as const;

const registrantWhere = (o: Extract<PasskeyOwner, { kind: "registrant" }>) => ({
  registrantId: o.id,
  resellerId: o.resellerId,
});

/** The owner's credentials made on this relying party (for allow- and exclude-lists). */
export function credentialsOf(owner: PasskeyOwner, rpID: string): Promise<PasskeyCredential[]> {
  return owner.kind === "user"
    ? db.passkey.findMany({ where: { userId: owner.id, rpId: rpID }, select: credentialFields })
    : db.registrantPasskey.findMany({ where: { ...registrantWhere(owner), rpId: rpID }, select: credentialFields });
}

export async function findCredential(
  owner: PasskeyOwner,
  rpID: string,
  credentialId: string,
): Promise<PasskeyCredential | null> {
  return owner.kind === "user"
    ? db.passkey.findFirst({ where: { credentialId, userId: owner.id, rpId: rpID }, select: credentialFields })
    : db.registrantPasskey.findFirst({
        where: { credentialId, ...registrantWhere(owner), rpId: rpID },
        select: credentialFields,
      });
}

/** Moves the counter on only from the value read: of two answers racing with one counter, one wins. */
export async function advanceCounter(owner: PasskeyOwner, passkeyId: string, from: bigint, to: bigint) {
  const where = { id: passkeyId, counter: from };
  const data = { counter: to, lastUsedAt: new Date() };
  const moved =
    owner.kind === "user"
      ? await db.passkey.updateMany({ where, data })
      : await db.registrantPasskey.updateMany({ where, data });
  return moved.count === 1;
}

/** Whether a credential id is registered already, to anyone of the owner's kind. */
export async function credentialTaken(owner: PasskeyOwner, credentialId: string): Promise<boolean> {
  const found =
    owner.kind === "user"
      ? await db.passkey.findUnique({ where: { credentialId }, select: { id: true } })
      : await db.registrantPasskey.findUnique({ where: { credentialId }, select: { id: true } });
  return found !== null;
}

export async function createPasskey(tx: Tx, owner: PasskeyOwner, p: NewPasskey): Promise<string> {
  const data = { ...p, publicKey: Buffer.from(p.publicKey) };
  const row =
    owner.kind === "user"
      ? await tx.passkey.create({ data: { ...data, userId: owner.id }, select: { id: true } })
      : await tx.registrantPasskey.create({ data: { ...data, ...registrantWhere(owner) }, select: { id: true } });
  return row.id;
}

export function listPasskeysOf(owner: PasskeyOwner, rpID: string): Promise<PasskeyRow[]> {
  const orderBy = { createdAt: "asc" } as const;
  return owner.kind === "user"
    ? db.passkey.findMany({ where: { userId: owner.id, rpId: rpID }, orderBy, select: rowFields })
    : db.registrantPasskey.findMany({ where: { ...registrantWhere(owner), rpId: rpID }, orderBy, select: rowFields });
}

/** Renames one of the owner's passkeys; false when the id is not one of theirs. */
export async function renamePasskeyOf(owner: PasskeyOwner, passkeyId: string, name: string): Promise<boolean> {
  const renamed =
    owner.kind === "user"
      ? await db.passkey.updateMany({ where: { id: passkeyId, userId: owner.id }, data: { name } })
      : await db.registrantPasskey.updateMany({ where: { id: passkeyId, ...registrantWhere(owner) }, data: { name } });
  return renamed.count === 1;
}

/** Deletes one of the owner's passkeys; false when the id is not one of theirs. */
export async function deletePasskeyOf(tx: Tx, owner: PasskeyOwner, passkeyId: string): Promise<boolean> {
  const gone =
    owner.kind === "user"
      ? await tx.passkey.deleteMany({ where: { id: passkeyId, userId: owner.id } })
      : await tx.registrantPasskey.deleteMany({ where: { id: passkeyId, ...registrantWhere(owner) } });
  return gone.count === 1;
}

type ChallengeRow = { challenge: string; purpose: string; rpId: string; origin: string; expiresAt: Date };

/** Replaces the owner's open challenge of this purpose; expired rows of anyone go too (indexed). */
export async function replaceChallenge(owner: PasskeyOwner, row: ChallengeRow, now: Date): Promise<void> {
  const stale = (own: object) => ({ OR: [{ ...own, purpose: row.purpose }, { expiresAt: { lt: now } }] });
  if (owner.kind === "user") {
    await db.$transaction([
      db.webAuthnChallenge.deleteMany({ where: stale({ userId: owner.id }) }),
      db.webAuthnChallenge.create({ data: { ...row, userId: owner.id } }),
    ]);
  } else {
    await db.$transaction([
      db.registrantWebAuthnChallenge.deleteMany({ where: stale({ registrantId: owner.id }) }),
      db.registrantWebAuthnChallenge.create({ data: { ...row, registrantId: owner.id } }),
    ]);
  }
}

/** Deletes the matching unexpired challenge; true once for it, false after. */
export async function deleteChallenge(
  owner: PasskeyOwner,
  purpose: string,
  rp: RelyingParty,
  challenge: string,
  now: Date,
): Promise<boolean> {
  const where = { challenge, purpose, rpId: rp.rpID, origin: rp.origin, expiresAt: { gt: now } };
  const taken =
    owner.kind === "user"
      ? await db.webAuthnChallenge.deleteMany({ where: { ...where, userId: owner.id } })
      : await db.registrantWebAuthnChallenge.deleteMany({ where: { ...where, registrantId: owner.id } });
  return taken.count === 1;
}
