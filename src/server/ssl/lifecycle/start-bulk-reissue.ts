/**
 * Starts a bulk reissue as a job (decision 119): the certificates the selection names now are listed
 * as the job's items, so the page shows every one of them from the first second, and the worker
 * reissues them (run-bulk-reissue-job.ts) while the page follows each result. Reseller owners and admins
 * within their reseller; registrar admins across resellers or for one.
 */
import type { Prisma } from "@/generated/prisma/client";
import { assertCanWrite, assertRole, type ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { parseInput } from "@/server/parse-input";
import { bulkReissueSchema, selectCertificatesForReissue, type BulkReissueSelection } from "./bulk-reissue";
import { bulkReissueRunJob } from "./bulk-reissue-job";

export async function startBulkReissue(ctx: ActorContext, raw: BulkReissueSelection): Promise<{ id: string }> {
  if (ctx.kind !== "user" && ctx.kind !== "registrar") throw new AppError("FORBIDDEN");
  assertCanWrite(ctx);
  assertRole(ctx, ["owner", "admin", "registrar_admin"]);
  const s = parseInput(bulkReissueSchema, raw);
  // Reseller staff always act within their own reseller, whatever the input names.
  const resellerId = ctx.kind === "user" ? ctx.resellerId : (s.resellerId ?? null);
  const selection = { ...raw, resellerId: resellerId ?? undefined };
  const selected = await selectCertificatesForReissue(ctx, selection);
  if (selected.length === 0) throw new AppError("NOT_FOUND", "No current certificate matches that selection.");
  return db.$transaction(async (tx) => {
    const job = await tx.certificateBulkJob.create({
      data: {
        resellerId,
        createdById: ctx.actorId,
        actorKind: ctx.kind,
        selection: JSON.parse(JSON.stringify({ ...s, resellerId: resellerId ?? undefined })) as Prisma.InputJsonValue,
        keyCompromise: s.keyCompromise,
        total: selected.length,
      },
    });
    await tx.certificateBulkJobItem.createMany({
      data: selected.map((c, position) => ({
        jobId: job.id,
        position,
        certificateId: c.id,
        resellerId: c.resellerId,
        names: c.names,
      })),
    });
    await recordAudit(tx, ctx, {
      action: "ssl.certificate.bulk_reissue_requested",
      entity: "certificateBulkJob",
      entityId: job.id,
      resellerId,
      after: { total: selected.length, selection: job.selection },
    });
    await enqueueJob(tx, bulkReissueRunJob, { jobId: job.id }, { singletonKey: job.id });
    return { id: job.id };
  });
}
