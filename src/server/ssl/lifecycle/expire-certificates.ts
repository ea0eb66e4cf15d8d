/**
 * Certificates past their notAfter are marked expired (a revoked one stays revoked: that is the
 * stronger fact), and subscriptions whose term has ended with no replacement running become expired.
 */
import { db } from "@/server/db";

export async function expireCertificates(now = new Date()): Promise<{ certificates: number; subscriptions: number }> {
  const certificates = await db.issuedCertificate.updateMany({
    where: { notAfter: { lt: now }, status: { in: ["issued", "replaced"] } },
    data: { status: "expired" },
  });
  const subscriptions = await db.certificateSubscription.updateMany({
    where: {
      state: "active",
      termEndsAt: { lt: now },
      certificates: { none: { status: "issued" } },
    },
    data: { state: "expired", nextReplacementAt: null },
  });
  return { certificates: certificates.count, subscriptions: subscriptions.count };
}
