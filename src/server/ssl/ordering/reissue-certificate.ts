/**
 * Reissue with a new CSR (a new key, or more names within the product): an ssl_reissue item at no
 * charge, fulfilled by the engine like an issue. The old certificate is revoked ("superseded") once
 * the new one issues; after a key compromise it is revoked at once, before the new one exists, since
 * a certificate for a leaked key must not stay valid while DCV runs.
 */
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { assertCanWrite, type ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import { placeOrder } from "@/server/orders/place-order";
import type { OrderWithItems } from "@/server/orders/get-order";
import { enqueueFulfilment } from "@/server/fulfilment/enqueue-fulfilment";
import { certificateAuthority } from "@/server/ssl/authority/certificate-authority";
import { checkCertificateRequest } from "@/server/ssl/requests/check-request";
import type { SslReissueDetails } from "@/server/ssl/requests/item-details";
import { revokeRequested } from "@/server/ssl/requests/revoke-requested";
import { sslProductOf } from "@/server/ssl/requests/ssl-product";
import { getSubscriptionOrThrow } from "@/server/ssl/lifecycle/certificate-access";

export const reissueCertificateSchema = z.object({
  subscriptionId: z.string().min(1),
  idempotencyKey: z.string().min(8).max(100),
  csrPem: z.string().min(1, "Paste the new certificate signing request (CSR)."),
  dcvMethod: z.enum(["dns-txt", "http-file", "email"]).default("dns-txt"),
  dcvEmail: z.record(z.string(), z.email()).optional(),
  keyCompromise: z.boolean().default(false),
});

const OPEN_STATES = ["new", "pending_dcv", "processing"] as const;

export async function reissueCertificate(
  ctx: ActorContext,
  raw: z.input<typeof reissueCertificateSchema>,
): Promise<{ order: OrderWithItems; created: boolean; revokedAtOnce: boolean }> {
  assertCanWrite(ctx);
  const input = parseInput(reissueCertificateSchema, raw);
  const sub = await getSubscriptionOrThrow(db, ctx, input.subscriptionId);
  const current = await db.issuedCertificate.findFirst({
    where: { subscriptionId: sub.id, status: "issued", revokedAt: null },
    orderBy: { notBefore: "desc" },
  });
  // A certificate revoked for a key compromise (by its registrant, or by the reseller's bulk run asking
  // for new keys) is reissued to the new key whether or not the registrant ticks the box again.
  const compromised = !current
    ? await db.issuedCertificate.findFirst({
        where: { subscriptionId: sub.id, revocationReason: "keyCompromise" },
        orderBy: { notBefore: "desc" },
      })
    : null;
  const replaced = current ?? compromised;
  if (!replaced) throw new AppError("CONFLICT", "There is no issued certificate to reissue.");
  if (sub.termEndsAt && sub.termEndsAt < new Date())
    throw new AppError("CONFLICT", "This certificate's term has ended.");
  const open = await db.certificateRequest.count({
    where: { subscriptionId: sub.id, state: { in: [...OPEN_STATES] } },
  });
  if (open > 0) throw new AppError("CONFLICT", "A reissue of this certificate is already under way.");

  const product = sslProductOf(await db.product.findUniqueOrThrow({ where: { code: sub.productCode } }));
  const checked = await checkCertificateRequest({
    product,
    csrPem: input.csrPem,
    dcvMethod: input.dcvMethod,
    dcvEmail: input.dcvEmail,
    hasOrganisation: Boolean(sub.organisation),
    caName: certificateAuthority().name,
  });
  let revokedAtOnce = false;
  if (input.keyCompromise && current) {
    await db.$transaction(async (tx) => {
      await tx.issuedCertificate.update({
        where: { id: current.id },
        data: { revokeRequestedAt: new Date(), revocationReason: "keyCompromise" },
      });
      await recordAudit(tx, ctx, {
        action: "ssl.certificate.revoke_requested",
        entity: "issuedCertificate",
        entityId: current.id,
        resellerId: current.resellerId,
        after: { serialNumber: current.serialNumber, reason: "keyCompromise", reissue: true },
      });
    });
    revokedAtOnce = (await revokeRequested({ certificateIds: [current.id] })).revoked === 1;
  }
  const details: SslReissueDetails = {
    csrPem: checked.csrPem,
    names: checked.names,
    csrInspection: checked.report as unknown as Record<string, unknown>,
    dcvMethod: input.dcvMethod,
    dcvEmail: input.dcvMethod === "email" ? input.dcvEmail : undefined,
    subscriptionId: sub.id,
    replacesId: replaced.id,
    keyCompromise: input.keyCompromise,
  };
  const result = await placeOrder(ctx, {
    resellerId: sub.resellerId,
    registrantId: sub.registrantId,
    idempotencyKey: input.idempotencyKey,
    channel: ctx.kind === "registrant" ? "storefront" : "console",
    // Reissues cost nothing: the order is "paid" on placement and fulfilment starts now.
    payment: "balance",
    items: [
      {
        kind: "ssl_reissue",
        productCode: sub.productCode,
        subject: checked.names[0],
        period: 1,
        details: details as unknown as Prisma.InputJsonValue,
      },
    ],
  });
  if (result.created) await db.$transaction((tx) => enqueueFulfilment(tx, result.order.items));
  return { ...result, revokedAtOnce };
}
