/**
 * The CA issued: the certificate is recorded, the request and subscription move on (term, next
 * replacement), a reissued certificate's predecessor is marked for revocation ("superseded", unless a
 * key compromise revoked it already), the issuance mail is queued and the audit entry written, all in
 * the caller's transaction (the engine's settle, or the poll's completion of a waiting item).
 * The revocation itself is a CA call made after commit (revokeRequested), so it is never lost.
 */
import type { Tx } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import type { IssuedCertificate } from "@/server/ssl/ca/port";
import { queueIssuanceMail } from "./issuance-mail";
import { addYears, nextReplacementAt } from "./lifetimes";

export async function recordIssued(tx: Tx, requestId: string, cert: IssuedCertificate, now = new Date()) {
  const request = await tx.certificateRequest.findUniqueOrThrow({
    where: { id: requestId },
    include: { subscription: true, certificate: { select: { id: true } } },
  });
  // Already recorded by another runner: nothing more to do.
  if (request.certificate) return request.certificate.id;
  const sub = request.subscription;
  const notBefore = new Date(cert.notBefore);
  const notAfter = new Date(cert.notAfter);
  const termEndsAt = sub.termEndsAt ?? addYears(notBefore, sub.termYears);
  const row = await tx.issuedCertificate.create({
    data: {
      subscriptionId: sub.id,
      requestId: request.id,
      resellerId: request.resellerId,
      caAdapter: request.caAdapter,
      serialNumber: cert.serialNumber,
      certificatePem: cert.certificatePem,
      chainPem: cert.chainPem.join("\n"),
      spkiSha256: cert.spkiSha256,
      names: request.names,
      notBefore,
      notAfter,
    },
  });
  await tx.certificateRequest.update({ where: { id: request.id }, data: { state: "issued" } });
  await tx.certificateSubscription.update({
    where: { id: sub.id },
    data: {
      state: "active",
      names: request.names,
      termEndsAt,
      nextReplacementAt: nextReplacementAt({ notBefore, notAfter }, termEndsAt),
    },
  });
  if (request.replacesId) {
    const old = await tx.issuedCertificate.findUniqueOrThrow({ where: { id: request.replacesId } });
    const revoke = request.purpose === "reissue" && !old.revokeRequestedAt && !old.revokedAt;
    await tx.issuedCertificate.update({
      where: { id: old.id },
      data: {
        status: old.status === "revoked" ? "revoked" : "replaced",
        replacedById: row.id,
        ...(revoke ? { revokeRequestedAt: now, revocationReason: "superseded" } : {}),
      },
    });
  }
  await queueIssuanceMail(tx, {
    resellerId: request.resellerId,
    registrantId: sub.registrantId,
    names: request.names,
    notAfter,
    certificatePem: cert.certificatePem,
    chainPem: cert.chainPem,
    purpose: request.purpose,
  });
  await recordAudit(tx, systemContext(request.resellerId), {
    action: "ssl.certificate.issued",
    entity: "issuedCertificate",
    entityId: row.id,
    resellerId: request.resellerId,
    after: {
      subscriptionId: sub.id,
      purpose: request.purpose,
      serialNumber: cert.serialNumber,
      names: request.names,
      notAfter,
      spkiSha256: cert.spkiSha256,
      replaces: request.replacesId,
    },
  });
  return row.id;
}
