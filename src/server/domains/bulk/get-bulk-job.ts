/** A bulk job with its per-name results, for the progress page and its polling route. */
import { db } from "@/server/db";
import { assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";

export async function getBulkJobOrThrow(ctx: ActorContext, id: string) {
  const job = await db.bulkJob.findUnique({ where: { id }, include: { items: { orderBy: { position: "asc" } } } });
  if (!job) throw new AppError("NOT_FOUND");
  assertTenant(ctx, job.resellerId);
  if (ctx.kind === "registrant") throw new AppError("NOT_FOUND");
  return job;
}

export async function listBulkJobs(ctx: ActorContext, resellerId: string) {
  assertTenant(ctx, resellerId);
  return db.bulkJob.findMany({ where: { resellerId }, orderBy: { createdAt: "desc" }, take: 50 });
}
