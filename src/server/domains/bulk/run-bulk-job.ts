/**
 * Runs a bulk job's pending items one by one as the person who started it, recording each name's
 * outcome (the registry's code and the message in words) and the job's counters as it goes, so the
 * progress bar moves while it runs. Re-running a job continues with the items still pending.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { isAppError } from "@/server/errors";
import type { BulkJob } from "@/generated/prisma/client";
import { RegistryRefusal } from "@/server/registry/access";
import { requestRenewal } from "../renewals/request-renewal";
import { setAutoRenew } from "../manage/set-auto-renew";
import { setTransferLock } from "../manage/set-transfer-lock";
import { updateNameservers } from "../manage/update-nameservers";

type Outcome = { ok: boolean; code: number | null; message: string; orderId?: string };

async function actorOf(job: BulkJob): Promise<ActorContext> {
  const m = job.createdById
    ? await db.membership.findFirst({ where: { userId: job.createdById, resellerId: job.resellerId } })
    : null;
  if (!m || m.role === "registrar_admin" || m.role === "registrar_auditor")
    return { kind: "system", actorId: null, resellerId: job.resellerId, role: "system" };
  return {
    kind: "user",
    actorId: m.userId,
    resellerId: job.resellerId,
    role: m.role as "owner" | "admin" | "support" | "billing",
  };
}

async function runOne(ctx: ActorContext, job: BulkJob, domainId: string): Promise<Outcome> {
  const params = job.params as { years?: number; nameservers?: string[] };
  switch (job.action) {
    case "renew": {
      const r = await requestRenewal(ctx, {
        domainId,
        years: params.years ?? 1,
        idempotencyKey: `bulk:${job.id}:${domainId}`,
        payment: "balance",
      });
      return {
        ok: r.result?.ok ?? false,
        code: r.result?.code ?? null,
        message: r.result?.message ?? "Renewal order placed.",
        orderId: r.orderId,
      };
    }
    case "nameservers":
      return {
        ok: true,
        ...(await updateNameservers(ctx, {
          domainId,
          nameservers: (params.nameservers ?? []).map((host) => ({ host, addresses: [] })),
        })),
      };
    case "lock":
    case "unlock":
      return { ok: true, ...(await setTransferLock(ctx, { domainId, locked: job.action === "lock" })) };
    case "auto_renew_on":
    case "auto_renew_off": {
      const r = await setAutoRenew(ctx, { domainId, enabled: job.action === "auto_renew_on" });
      return { ok: true, code: null, message: r.message };
    }
  }
}

export async function runBulkJob(bulkJobId: string): Promise<void> {
  const job = await db.bulkJob.update({ where: { id: bulkJobId }, data: { status: "running", startedAt: new Date() } });
  const ctx = await actorOf(job);
  const items = await db.bulkJobItem.findMany({
    where: { bulkJobId, status: "pending" },
    orderBy: { position: "asc" },
  });
  for (const item of items) {
    let out: Outcome;
    try {
      out = item.domainId
        ? await runOne(ctx, job, item.domainId)
        : { ok: false, code: null, message: "Not a domain of this account." };
    } catch (e) {
      if (!isAppError(e)) throw e;
      out = { ok: false, code: e instanceof RegistryRefusal ? e.eppCode : null, message: e.userMessage };
    }
    await db.$transaction([
      db.bulkJobItem.update({
        where: { id: item.id },
        data: {
          status: out.ok ? "succeeded" : "failed",
          code: out.code,
          message: out.message,
          orderId: out.orderId ?? null,
        },
      }),
      db.bulkJob.update({
        where: { id: bulkJobId },
        data: { done: { increment: 1 }, ...(out.ok ? { succeeded: { increment: 1 } } : { failed: { increment: 1 } }) },
      }),
    ]);
  }
  await db.bulkJob.update({ where: { id: bulkJobId }, data: { status: "completed", finishedAt: new Date() } });
}
