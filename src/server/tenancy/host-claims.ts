/**
 * Claims on custom host names. Adding a host only claims it: any number of resellers may claim one
 * host, and the first to prove control through DNS owns it (a unique index on verified hosts makes
 * that race safe). An unverified claim lapses after a week, so a token published long ago cannot
 * verify a host whose DNS has since changed hands, and stale claims are swept when someone claims.
 */
import type { Tx } from "@/server/db";

export const HOST_CLAIM_TTL_MS = 7 * 24 * 60 * 60_000;

export function claimExpired(claim: { verifiedAt: Date | null; createdAt: Date }, now = new Date()): boolean {
  return claim.verifiedAt === null && now.getTime() - claim.createdAt.getTime() > HOST_CLAIM_TTL_MS;
}

/** Lapsed unverified claims on `host`, whoever made them. */
export async function sweepExpiredClaims(tx: Tx, host: string, now = new Date()): Promise<void> {
  await tx.hostName.deleteMany({
    where: { host, kind: "custom", verifiedAt: null, createdAt: { lt: new Date(now.getTime() - HOST_CLAIM_TTL_MS) } },
  });
}

/** Whether another reseller already owns `host` (verified). */
export async function verifiedElsewhere(tx: Tx, host: string, resellerId: string): Promise<boolean> {
  return (await tx.hostName.count({ where: { host, verifiedAt: { not: null }, resellerId: { not: resellerId } } })) > 0;
}
