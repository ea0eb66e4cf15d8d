/**
 * Carries out revocations that were asked for (a reissue's predecessor, a subscriber's revoke): the
 * CA is told, then the certificate is marked revoked. A CA that cannot be reached leaves the request
 * in place for the next pass (the poll job runs this every minute); revoking twice is harmless at both
 * adapters (the ACME adapter treats alreadyRevoked as success). The CA calls (batches, where the CA
 * takes them, each certificate with its own answer) run in `lanes` at once
 * (a bulk reissue's thousand), and what the CA confirmed is recorded a hundred per transaction: a crash
 * in between leaves rows the next pass revokes again, harmlessly.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { appendCollectedAudit, collectAuditIn, recordAudit } from "@/server/audit/record-audit";
import { certificateAuthority } from "@/server/ssl/authority/certificate-authority";
import type { RevocationReason } from "@/server/ssl/ca/port";
import { revokeAll } from "@/server/ssl/ca/batch";
import { chunks } from "@/lib/chunks";

const RECORD_CHUNK = 100;
/** Revocations per CA call where the CA takes a batch. */
const CA_BATCH = 50;

export async function revokeRequested(opts: { certificateIds?: string[]; limit?: number; lanes?: number } = {}) {
  const due = await db.issuedCertificate.findMany({
    where: {
      revokeRequestedAt: { not: null },
      revokedAt: null,
      ...(opts.certificateIds ? { id: { in: opts.certificateIds } } : {}),
    },
    orderBy: { revokeRequestedAt: "asc" },
    take: opts.limit ?? 100,
    select: {
      id: true,
      resellerId: true,
      caAdapter: true,
      serialNumber: true,
      certificatePem: true,
      revocationReason: true,
    },
  });
  const ca = certificateAuthority();
  const failures: { id: string; error: string }[] = [];
  const confirmed: typeof due = [];
  const ours = due.filter((cert) => {
    if (cert.caAdapter === ca.name) return true;
    failures.push({ id: cert.id, error: `issued by ${cert.caAdapter}, not ${ca.name}` });
    return false;
  });
  // A CA with a batch endpoint gets the lanes' share in one call each; any other, a call per certificate.
  const lanes = Math.max(opts.lanes ?? 1, 1);
  const size = ca.revokeBatch ? Math.max(1, Math.min(CA_BATCH, Math.ceil(ours.length / lanes))) : 1;
  const groups = chunks(ours, size);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < groups.length; i = next++) {
      const group = groups[i];
      const results = await revokeAll(
        ca,
        group.map((cert) => ({
          certificatePem: cert.certificatePem,
          reason: (cert.revocationReason ?? "unspecified") as RevocationReason,
          serialNumber: cert.serialNumber,
        })),
      );
      results.forEach((r, k) => {
        if (r.ok) confirmed.push(group[k]);
        else failures.push({ id: group[k].id, error: (r.error as Error).message });
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, groups.length) }, lane));
  // Each chain's entries in one transaction per chunk, the chunks in reseller order so two passes
  // lock the audit chains in the same order.
  confirmed.sort((x, y) => (x.resellerId < y.resellerId ? -1 : x.resellerId > y.resellerId ? 1 : 0));
  for (let c = 0; c < confirmed.length; c += RECORD_CHUNK) {
    const chunk = confirmed.slice(c, c + RECORD_CHUNK);
    await db.$transaction(
      async (tx) => {
        await tx.issuedCertificate.updateMany({
          where: { id: { in: chunk.map((x) => x.id) } },
          data: { status: "revoked", revokedAt: new Date() },
        });
        // One lock call per chain and one insert for the chunk's entries.
        collectAuditIn(tx);
        for (const cert of chunk)
          await recordAudit(tx, systemContext(cert.resellerId), {
            action: "ssl.certificate.revoked",
            entity: "issuedCertificate",
            entityId: cert.id,
            resellerId: cert.resellerId,
            after: { serialNumber: cert.serialNumber, reason: cert.revocationReason },
          });
        await appendCollectedAudit(tx);
      },
      { timeout: 30_000 },
    );
  }
  return { revoked: confirmed.length, failures };
}
