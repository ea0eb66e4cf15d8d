/**
 * The subscription and certificate request an ssl_issue / ssl_reissue item works on, made on its first
 * attempt (once: keyed on the item) and found again on every later one. Written before the CA is
 * asked, so the ACME adapter's order memory and the externalId the CA keys its orders on exist first.
 */
import { db } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";
import type { ProvisionItem } from "@/server/orders/provisioner";
import { certificateAuthority } from "@/server/ssl/authority/certificate-authority";
import { sslIssueDetailsSchema, sslReissueDetailsSchema } from "./item-details";
import { addYears, validityDaysFor } from "./lifetimes";

export async function ensureRequest(item: ProvisionItem): Promise<string> {
  const existing = await db.certificateRequest.findUnique({ where: { orderItemId: item.id }, select: { id: true } });
  if (existing) return existing.id;
  const caAdapter = certificateAuthority().name;
  const now = new Date();
  if (item.kind === "ssl_issue") {
    const d = sslIssueDetailsSchema.parse(item.details ?? {});
    return db.$transaction(async (tx) => {
      const sub = await tx.certificateSubscription.create({
        data: {
          resellerId: item.resellerId,
          registrantId: item.order.registrantId,
          orderItemId: item.id,
          productCode: item.product.code,
          level: d.level,
          coverage: d.coverage,
          sanCount: d.sanCount,
          termYears: item.period,
          names: d.names,
          organisation: d.organisation,
        },
      });
      const r = await tx.certificateRequest.create({
        data: {
          subscriptionId: sub.id,
          resellerId: item.resellerId,
          orderItemId: item.id,
          purpose: "issue",
          externalId: `item-${item.id}`,
          csrPem: d.csrPem,
          csrInspection: d.csrInspection as Prisma.InputJsonValue,
          names: d.names,
          dcvMethod: d.dcvMethod,
          dcvEmail: d.dcvEmail,
          caAdapter,
          validityDays: validityDaysFor(now, addYears(now, item.period)),
        },
      });
      return r.id;
    });
  }
  const d = sslReissueDetailsSchema.parse(item.details ?? {});
  const sub = await db.certificateSubscription.findUniqueOrThrow({ where: { id: d.subscriptionId } });
  const replaced = await db.issuedCertificate.findUniqueOrThrow({ where: { id: d.replacesId } });
  const r = await db.certificateRequest.create({
    data: {
      subscriptionId: sub.id,
      resellerId: item.resellerId,
      orderItemId: item.id,
      purpose: "reissue",
      externalId: `item-${item.id}`,
      csrPem: d.csrPem,
      csrInspection: d.csrInspection as Prisma.InputJsonValue,
      names: d.names,
      dcvMethod: d.dcvMethod,
      dcvEmail: d.dcvEmail,
      caAdapter,
      replacesId: d.replacesId,
      keyCompromise: d.keyCompromise,
      // A reissue runs to the replaced certificate's end at most, within the lifetime in force.
      validityDays: validityDaysFor(now, sub.termEndsAt ?? replaced.notAfter),
    },
  });
  return r.id;
}
