/**
 * One subscription as its pages show it: what was bought, every request made for it (newest first,
 * with its DCV challenges and who publishes each record), every certificate signed for it, and the
 * state of the order item a waiting request fulfils. Tenancy as everywhere: another reseller's or
 * another registrant's certificate is "not found".
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { getSubscriptionOrThrow } from "@/server/ssl/lifecycle/certificate-access";
import type { DcvEntry } from "@/server/ssl/requests/dcv-entry";

const OPEN = new Set(["new", "pending_dcv", "processing"]);

export async function getCertificateDetail(ctx: ActorContext, subscriptionId: string) {
  const sub = await getSubscriptionOrThrow(db, ctx, subscriptionId);
  const [product, requests, certificates] = await Promise.all([
    db.product.findUnique({ where: { code: sub.productCode }, select: { name: true } }),
    db.certificateRequest.findMany({ where: { subscriptionId: sub.id }, orderBy: { createdAt: "desc" } }),
    db.issuedCertificate.findMany({ where: { subscriptionId: sub.id }, orderBy: { notBefore: "desc" } }),
  ]);
  const itemIds = requests.flatMap((r) => (r.orderItemId ? [r.orderItemId] : []));
  const items = new Map(
    (
      await db.orderItem.findMany({
        where: { id: { in: itemIds } },
        select: { id: true, state: true, orderId: true, failureReason: true },
      })
    ).map((i) => [i.id, i]),
  );
  const current = certificates.find((c) => c.status === "issued" && !c.revokeRequestedAt) ?? null;
  // Something the CA has yet to do: pages showing it refresh themselves until it is done.
  const moving =
    requests.some((r) => OPEN.has(r.state)) || certificates.some((c) => c.revokeRequestedAt && !c.revokedAt);
  return {
    subscription: sub,
    moving,
    productName: product?.name ?? sub.productCode,
    current,
    certificates,
    requests: requests.map((r) => ({
      id: r.id,
      purpose: r.purpose,
      state: r.state,
      open: OPEN.has(r.state),
      names: r.names,
      dcvMethod: r.dcvMethod,
      dcv: (r.dcv as DcvEntry[] | null) ?? [],
      rejectionReason: r.rejectionReason,
      keyCompromise: r.keyCompromise,
      lastPolledAt: r.lastPolledAt,
      createdAt: r.createdAt,
      item: r.orderItemId ? (items.get(r.orderItemId) ?? null) : null,
    })),
  };
}

export type CertificateDetail = Awaited<ReturnType<typeof getCertificateDetail>>;
