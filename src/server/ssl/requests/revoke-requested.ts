/**
 * Carries out revocations that were asked for (a reissue's predecessor, a subscriber's revoke): the
 * CA is told, then the certificate is marked revoked. A CA that cannot be reached leaves the request
 * in place for the next pass (the poll job runs this every minute); revoking twice is harmless at both
 * adapters (the ACME adapter treats alreadyRevoked as success).
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { certificateAuthority } from "@/server/ssl/authority/certificate-authority";
import type { RevocationReason } from "@/server/ssl/ca/port";

export async function revokeRequested(opts: { certificateIds?: string[]; limit?: number } = {}) {
  const due = await db.issuedCertificate.findMany({
    where: {
      revokeRequestedAt: { not: null },
      revokedAt: null,
      ...(opts.certificateIds ? { id: { in: opts.certificateIds } } : {}),
    },
    orderBy: { revokeRequestedAt: "asc" },
    take: opts.limit ?? 100,
  });
  const ca = certificateAuthority();
  const failures: { id: string; error: string }[] = [];
  for (const cert of due) {
    if (cert.caAdapter !== ca.name) {
      failures.push({ id: cert.id, error: `issued by ${cert.caAdapter}, not ${ca.name}` });
      continue;
    }
    try {
      await ca.revoke(cert.certificatePem, (cert.revocationReason ?? "unspecified") as RevocationReason);
    } catch (e) {
      failures.push({ id: cert.id, error: (e as Error).message });
      continue;
    }
    await db.$transaction(async (tx) => {
      await tx.issuedCertificate.update({
        where: { id: cert.id },
        data: { status: "revoked", revokedAt: new Date() },
      });
      await recordAudit(tx, systemContext(cert.resellerId), {
        action: "ssl.certificate.revoked",
        entity: "issuedCertificate",
        entityId: cert.id,
        resellerId: cert.resellerId,
        after: { serialNumber: cert.serialNumber, reason: cert.revocationReason },
      });
    });
  }
  return { revoked: due.length - failures.length, failures };
}
