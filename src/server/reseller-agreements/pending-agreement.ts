/**
 * The agreement version a reseller still has to accept, cached per process for the API (decision 118):
 * every live API change asks, and an extra query or two per call is what the key cache removed
 * (decision 108). Kept in the storefront caches' tagged cache (decision 103): triggers notify
 * `agreements` when a version is published or changed and `reseller:<id>` when a reseller accepts, and
 * a hit waits for the listener's barrier, so an acceptance committed anywhere counts on the next call.
 * The deadline itself needs no notification: the caller compares it with the clock on every call.
 */
import { ensureCacheListener } from "@/server/cache/listen";
import { taggedCache } from "@/server/cache/tagged-cache";
import { db } from "@/server/db";
import { currentAgreement } from "./agreement-status";

export type PendingAgreement = { version: string; acceptBy: Date };

/** As many entries as resellers calling; each is a few dozen bytes. */
const MAX_RESELLERS = 20_000;

const pending = taggedCache<PendingAgreement | null>({
  tags: (resellerId) => [`reseller:${resellerId}`, "agreements"],
  max: MAX_RESELLERS,
});

async function load(resellerId: string): Promise<PendingAgreement | null> {
  const current = await currentAgreement();
  if (!current) return null;
  const accepted = await db.resellerAgreementAcceptance.findUnique({
    where: { resellerId_versionId: { resellerId, versionId: current.id } },
    select: { id: true },
  });
  return accepted ? null : { version: current.version, acceptBy: current.acceptBy };
}

/** The version in force that this reseller has not accepted, or null when there is nothing to accept. */
export async function pendingAgreement(resellerId: string): Promise<PendingAgreement | null> {
  ensureCacheListener();
  return pending.get(resellerId, () => load(resellerId));
}
