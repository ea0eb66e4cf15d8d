/**
 * Buying a certificate: a product, a term of 1-5 years, the registrant's CSR and a DCV method. The
 * request is checked before anything is paid (check-request.ts) and the problems come back as one
 * clear error; then money's placeOrder records it under the form's idempotency key. Storefront orders
 * are paid by the registrant (checkout; fulfilment starts with the payment); the reseller's balance
 * pays console and API orders at once, and fulfilment starts now.
 */
import { z } from "zod";
import type { OrderChannel, Prisma } from "@/generated/prisma/client";
import { assertTenant, type ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import { placeOrder } from "@/server/orders/place-order";
import { getOrderWithItems, type OrderWithItems } from "@/server/orders/get-order";
import { enqueueFulfilment } from "@/server/fulfilment/enqueue-fulfilment";
import { certificateAuthority } from "@/server/ssl/authority/certificate-authority";
import { checkCertificateRequest } from "@/server/ssl/requests/check-request";
import { organisationSchema, type SslIssueDetails } from "@/server/ssl/requests/item-details";
import { sslProductOf } from "@/server/ssl/requests/ssl-product";

export const placeSslOrderSchema = z.object({
  idempotencyKey: z.string().min(8).max(100),
  productCode: z.string().trim().min(1).max(64),
  years: z.coerce.number().int().min(1).max(5),
  csrPem: z.string().min(1, "Paste your certificate signing request (CSR)."),
  dcvMethod: z.enum(["dns-txt", "http-file", "email"]).default("dns-txt"),
  dcvEmail: z.record(z.string(), z.email()).optional(),
  organisation: organisationSchema.optional(),
});

export type PlaceSslOrderInput = z.input<typeof placeSslOrderSchema> & {
  resellerId: string;
  payment?: "checkout" | "balance";
  channel?: OrderChannel;
};

export async function placeSslOrder(
  ctx: ActorContext,
  raw: PlaceSslOrderInput,
): Promise<{ order: OrderWithItems; created: boolean }> {
  assertTenant(ctx, raw.resellerId);
  const input = parseInput(placeSslOrderSchema, raw);
  const existing = await db.order.findUnique({
    where: { resellerId_idempotencyKey: { resellerId: raw.resellerId, idempotencyKey: input.idempotencyKey } },
    select: { id: true },
  });
  if (existing) return { order: await getOrderWithItems(db, existing.id), created: false };

  const row = await db.product.findUnique({ where: { code: input.productCode } });
  if (!row || !row.active) throw new AppError("NOT_FOUND", `We do not sell ${input.productCode}.`);
  const product = sslProductOf(row);
  const checked = await checkCertificateRequest({
    product,
    csrPem: input.csrPem,
    dcvMethod: input.dcvMethod,
    dcvEmail: input.dcvEmail,
    hasOrganisation: Boolean(input.organisation),
    caName: certificateAuthority().name,
  });
  const details: SslIssueDetails = {
    csrPem: checked.csrPem,
    names: checked.names,
    csrInspection: checked.report as unknown as Record<string, unknown>,
    dcvMethod: input.dcvMethod,
    dcvEmail: input.dcvMethod === "email" ? input.dcvEmail : undefined,
    level: product.level,
    coverage: product.coverage,
    sanCount: product.sanCount,
    organisation: product.level === "dv" ? undefined : input.organisation,
  };
  const payment = raw.payment ?? (ctx.kind === "registrant" ? "checkout" : "balance");
  const result = await placeOrder(ctx, {
    resellerId: raw.resellerId,
    registrantId: ctx.kind === "registrant" ? ctx.actorId : null,
    idempotencyKey: input.idempotencyKey,
    channel: raw.channel ?? (ctx.kind === "registrant" ? "storefront" : "console"),
    payment,
    items: [
      {
        kind: "ssl_issue",
        productCode: product.code,
        subject: checked.names[0],
        period: input.years,
        details: details as unknown as Prisma.InputJsonValue,
      },
    ],
  });
  if (result.created && payment === "balance") await db.$transaction((tx) => enqueueFulfilment(tx, result.order.items));
  return result;
}
