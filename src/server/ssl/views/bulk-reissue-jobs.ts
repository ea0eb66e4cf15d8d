/**
 * Bulk reissue jobs with their per-certificate results, for the progress pages. A reseller's staff see
 * their reseller's jobs; a registrar run (across resellers) is seen by registrar staff only, auditors
 * included; registrants see none.
 */
import { assertTenant, type ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export async function getBulkReissueJobOrThrow(ctx: ActorContext, id: string) {
  if (ctx.kind === "registrant") throw new AppError("NOT_FOUND");
  const job = await db.certificateBulkJob.findUnique({
    where: { id },
    include: { items: { orderBy: { position: "asc" } } },
  });
  if (!job) throw new AppError("NOT_FOUND");
  if (job.resellerId) assertTenant(ctx, job.resellerId);
  else if (ctx.kind !== "registrar" && !(ctx.kind === "system" && ctx.resellerId === null))
    throw new AppError("NOT_FOUND");
  // Pages link each certificate to its subscription's page, and a registrar run names the resellers.
  const [certs, resellers] = await Promise.all([
    db.issuedCertificate.findMany({
      where: { id: { in: job.items.map((i) => i.certificateId) } },
      select: { id: true, subscriptionId: true },
    }),
    job.resellerId
      ? []
      : db.reseller.findMany({
          where: { id: { in: [...new Set(job.items.map((i) => i.resellerId))] } },
          select: { id: true, displayName: true },
        }),
  ]);
  return {
    job,
    subscriptionOf: new Map(certs.map((c) => [c.id, c.subscriptionId])),
    resellerNames: job.resellerId ? undefined : new Map(resellers.map((r) => [r.id, r.displayName])),
  };
}

/** The newest jobs: a reseller's own, or for registrar staff every job (`resellerId` narrows it). */
export async function listBulkReissueJobs(ctx: ActorContext, resellerId?: string) {
  if (ctx.kind === "registrant") throw new AppError("NOT_FOUND");
  const tenant = ctx.resellerId ?? resellerId;
  if (tenant) assertTenant(ctx, tenant);
  return db.certificateBulkJob.findMany({
    where: tenant ? { resellerId: tenant } : {},
    orderBy: { createdAt: "desc" },
    take: 20,
  });
}
