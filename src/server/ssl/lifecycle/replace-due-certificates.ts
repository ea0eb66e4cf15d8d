/**
 * Renewal as a subscription: a paid term of years is delivered as successive certificates, each
 * within the maximum lifetime in force on its issue date. When a subscription's current certificate
 * reaches its replacement date (a third of its life left, requests/lifetimes.ts), a replacement
 * request is made with the same CSR (the same key; a reissue changes the key), and the poll job takes
 * it through DCV and issuance like any other. The old certificate stays valid until it expires.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import type { Prisma } from "@/generated/prisma/client";
import { certificateAuthority } from "@/server/ssl/authority/certificate-authority";
import { validityDaysFor } from "@/server/ssl/requests/lifetimes";

const OPEN_STATES = ["new", "pending_dcv", "processing"] as const;

export async function replaceDueCertificates(now = new Date(), limit = 200): Promise<{ started: string[] }> {
  const due = await db.certificateSubscription.findMany({
    where: { state: "active", nextReplacementAt: { lte: now }, termEndsAt: { gt: now } },
    orderBy: { nextReplacementAt: "asc" },
    take: limit,
    select: { id: true },
  });
  const started: string[] = [];
  const caAdapter = certificateAuthority().name;
  for (const { id } of due) {
    const requestId = await db.$transaction(async (tx) => {
      // One starter per subscription: the row lock, then everything read again under it.
      await tx.$queryRaw`select id from "CertificateSubscription" where id = ${id} for update`;
      const sub = await tx.certificateSubscription.findUniqueOrThrow({ where: { id } });
      if (!sub.nextReplacementAt || sub.nextReplacementAt > now || !sub.termEndsAt) return null;
      const open = await tx.certificateRequest.count({
        where: { subscriptionId: id, state: { in: [...OPEN_STATES] } },
      });
      const current = await tx.issuedCertificate.findFirst({
        where: { subscriptionId: id, status: "issued" },
        orderBy: { notBefore: "desc" },
        include: { request: true },
      });
      if (open > 0 || !current) return null;
      const count = await tx.certificateRequest.count({ where: { subscriptionId: id } });
      const last = current.request;
      const r = await tx.certificateRequest.create({
        data: {
          subscriptionId: id,
          resellerId: sub.resellerId,
          purpose: "replacement",
          externalId: `replace-${id}-${count + 1}`,
          csrPem: last.csrPem,
          csrInspection: last.csrInspection as Prisma.InputJsonValue,
          names: last.names,
          dcvMethod: last.dcvMethod,
          dcvEmail: (last.dcvEmail as Prisma.InputJsonValue | null) ?? undefined,
          caAdapter,
          replacesId: current.id,
          validityDays: validityDaysFor(now, sub.termEndsAt),
        },
      });
      await tx.certificateSubscription.update({ where: { id }, data: { nextReplacementAt: null } });
      await recordAudit(tx, systemContext(sub.resellerId), {
        action: "ssl.certificate.replacement_started",
        entity: "certificateSubscription",
        entityId: id,
        resellerId: sub.resellerId,
        after: { requestId: r.id, replaces: current.id, validityDays: r.validityDays },
      });
      return r.id;
    });
    if (requestId) started.push(requestId);
  }
  return { started };
}
