/**
 * A subscription or certificate as the actor may see it: another reseller's, or another registrant's,
 * is "not found" (ARCHITECTURE: every lookup by id checks the tenant).
 */
import { assertTenant, type ActorContext } from "@/server/context";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";

export async function getSubscriptionOrThrow(tx: Tx, ctx: ActorContext, id: string) {
  const sub = await tx.certificateSubscription.findUnique({ where: { id } });
  if (!sub) throw new AppError("NOT_FOUND", "That certificate was not found.");
  assertTenant(ctx, sub.resellerId);
  if (ctx.kind === "registrant" && sub.registrantId !== ctx.actorId)
    throw new AppError("NOT_FOUND", "That certificate was not found.");
  return sub;
}

export async function getCertificateOrThrow(tx: Tx, ctx: ActorContext, id: string) {
  const cert = await tx.issuedCertificate.findUnique({ where: { id } });
  if (!cert) throw new AppError("NOT_FOUND", "That certificate was not found.");
  const subscription = await getSubscriptionOrThrow(tx, ctx, cert.subscriptionId);
  return { cert, subscription };
}
