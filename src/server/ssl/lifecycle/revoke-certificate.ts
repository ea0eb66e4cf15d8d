/**
 * A subscriber revokes a certificate with an RFC 5280 reason. The request is recorded first (with
 * its audit entry), then the CA is told; a CA that cannot be reached now is told by the poll job's
 * next pass, so the answer says "revocation requested" rather than failing. Revoking the current
 * certificate ends the subscription's replacements until a reissue.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { assertCanWrite, assertRole, type ActorContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import { revokeRequested } from "@/server/ssl/requests/revoke-requested";
import { getCertificateOrThrow } from "./certificate-access";

export const revokeCertificateSchema = z.object({
  certificateId: z.string().min(1),
  reason: z.enum(["unspecified", "keyCompromise", "affiliationChanged", "superseded", "cessationOfOperation"]),
});

const ROLES = ["owner", "admin", "support", "registrant", "system", "registrar_admin"] as const;

export async function revokeCertificate(
  ctx: ActorContext,
  raw: z.input<typeof revokeCertificateSchema>,
): Promise<{ status: "revoked" | "revocation_requested" }> {
  assertCanWrite(ctx);
  assertRole(ctx, ROLES);
  const input = parseInput(revokeCertificateSchema, raw);
  await db.$transaction(async (tx) => {
    const { cert, subscription } = await getCertificateOrThrow(tx, ctx, input.certificateId);
    if (cert.revokedAt || cert.revokeRequestedAt)
      throw new AppError("CONFLICT", "This certificate is already revoked.");
    if (cert.status === "expired" || cert.notAfter < new Date())
      throw new AppError("CONFLICT", "This certificate has expired; there is nothing to revoke.");
    await tx.issuedCertificate.update({
      where: { id: cert.id },
      data: { revokeRequestedAt: new Date(), revocationReason: input.reason },
    });
    if (cert.status === "issued")
      await tx.certificateSubscription.update({
        where: { id: subscription.id },
        data: { state: "revoked", nextReplacementAt: null },
      });
    await recordAudit(tx, ctx, {
      action: "ssl.certificate.revoke_requested",
      entity: "issuedCertificate",
      entityId: cert.id,
      resellerId: cert.resellerId,
      after: { serialNumber: cert.serialNumber, reason: input.reason },
    });
  });
  const done = await revokeRequested({ certificateIds: [input.certificateId] });
  return { status: done.revoked === 1 ? "revoked" : "revocation_requested" };
}
