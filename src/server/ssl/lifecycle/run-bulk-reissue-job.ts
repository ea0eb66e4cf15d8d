/**
 * Runs a bulk reissue job in the worker as the person who started it: the certificates still pending
 * go through bulkReissueCertificates, and each result is written to its item as it settles. Results
 * are written in small batches (one statement for the items, one for the counters) at most a few
 * times a second, so a thousand certificates cost a few dozen writes, not two thousand, and the page
 * still sees them arrive. A rerun after a crash continues with the items still pending.
 */
import type { CertificateBulkJob } from "@/generated/prisma/client";
import { systemContext, type ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { bulkReissueCertificates, bulkReissueSchema, type BulkReissueResult } from "./bulk-reissue";

type ItemOutcome = "reissued" | "waiting" | "failed";
type Written = { itemId: string; outcome: ItemOutcome; message: string; newCertificateId: string | null };

const FLUSH_EVERY_MS = 500;
const FLUSH_AT = 100;

const OUTCOME_OF: Record<BulkReissueResult["outcome"], ItemOutcome> = {
  issued: "reissued",
  waiting: "waiting",
  refused: "failed",
  skipped: "failed",
};

async function actorOf(job: CertificateBulkJob): Promise<ActorContext> {
  const m = job.createdById
    ? await db.membership.findFirst({ where: { userId: job.createdById, resellerId: job.resellerId } })
    : null;
  if (m && job.actorKind === "registrar" && m.role === "registrar_admin")
    return { kind: "registrar", actorId: m.userId, resellerId: null, role: "registrar_admin" };
  if (m && job.actorKind === "user" && job.resellerId && (m.role === "owner" || m.role === "admin"))
    return { kind: "user", actorId: m.userId, resellerId: job.resellerId, role: m.role };
  // The person left or lost the role after starting it: the job was allowed when it started, and the
  // system acts with the same reach (the job's reseller, or every reseller for a registrar run).
  return systemContext(job.resellerId);
}

/** Writes results to their items and counters in one transaction. */
async function write(jobId: string, batch: Written[]): Promise<void> {
  if (!batch.length) return;
  const count = (o: ItemOutcome) => batch.filter((b) => b.outcome === o).length;
  await db.$transaction([
    db.$executeRaw`
      update "CertificateBulkJobItem" as i
         set outcome = v.outcome::"CertificateBulkOutcome", message = v.message,
             "newCertificateId" = nullif(v.fresh, ''), "updatedAt" = now()
        from unnest(${batch.map((b) => b.itemId)}::text[], ${batch.map((b) => b.outcome)}::text[],
                    ${batch.map((b) => b.message)}::text[], ${batch.map((b) => b.newCertificateId ?? "")}::text[])
             as v(id, outcome, message, fresh)
       where i.id = v.id and i."jobId" = ${jobId}`,
    db.certificateBulkJob.update({
      where: { id: jobId },
      data: {
        done: { increment: batch.length },
        reissued: { increment: count("reissued") },
        waiting: { increment: count("waiting") },
        failed: { increment: count("failed") },
      },
    }),
  ]);
}

/**
 * Collects results and writes them in batches: the first at once, then whatever arrived within the
 * next FLUSH_EVERY_MS (or FLUSH_AT results, whichever is first). `flush` writes the rest and waits.
 */
function progressWriter(jobId: string) {
  let buffer: Written[] = [];
  let writing: Promise<void> = Promise.resolve();
  let last = 0;
  let timer: NodeJS.Timeout | null = null;
  const drain = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = buffer;
    buffer = [];
    last = Date.now();
    writing = writing.then(() => write(jobId, batch));
    // A failed write surfaces at flush; until then it must not count as an unhandled rejection.
    writing.catch(() => undefined);
  };
  return {
    add(w: Written) {
      buffer.push(w);
      const wait = FLUSH_EVERY_MS - (Date.now() - last);
      if (buffer.length >= FLUSH_AT || wait <= 0) drain();
      else timer ??= setTimeout(drain, wait);
    },
    async flush() {
      drain();
      await writing;
    },
  };
}

export async function runBulkReissueJob(jobId: string): Promise<void> {
  const job = await db.certificateBulkJob.update({
    where: { id: jobId },
    data: { status: "running", startedAt: new Date() },
  });
  const ctx = await actorOf(job);
  const items = await db.certificateBulkJobItem.findMany({
    where: { jobId, outcome: "pending" },
    orderBy: { position: "asc" },
    select: { id: true, certificateId: true },
  });
  const itemOf = new Map(items.map((i) => [i.certificateId, i.id]));
  const writer = progressWriter(jobId);
  const selection = bulkReissueSchema.safeParse(job.selection);
  try {
    if (items.length && selection.success)
      await bulkReissueCertificates(ctx, selection.data, {
        certificateIds: [...itemOf.keys()],
        onResult: (r) => {
          const itemId = itemOf.get(r.certificateId);
          if (!itemId) return;
          itemOf.delete(r.certificateId);
          writer.add({
            itemId,
            outcome: OUTCOME_OF[r.outcome],
            message: r.message,
            newCertificateId: r.newCertificateId ?? null,
          });
        },
      }).catch((e: unknown) => {
        // Nothing the selection names is current any more: every item is answered below.
        if (!(isAppError(e) && e.code === "NOT_FOUND")) throw e;
      });
  } catch (e) {
    await writer.flush();
    // The page stops waiting; a retry by the queue sets it running again with the items still pending.
    await db.certificateBulkJob.update({ where: { id: jobId }, data: { status: "failed" } });
    throw e;
  } finally {
    await writer.flush();
  }
  // Certificates revoked or replaced between the start and the run are not reissued again.
  const gone = [...itemOf.values()].map((itemId) => ({
    itemId,
    outcome: "failed" as const,
    message: "No longer current: it was revoked or replaced after the job started.",
    newCertificateId: null,
  }));
  await write(jobId, gone);
  await db.certificateBulkJob.update({ where: { id: jobId }, data: { status: "completed", finishedAt: new Date() } });
}
