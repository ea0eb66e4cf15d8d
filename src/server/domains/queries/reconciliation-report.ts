/** Reconciliation runs and their findings, for registrar staff. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";

export async function listReconciliationRuns(ctx: ActorContext) {
  if (ctx.kind !== "registrar" && ctx.kind !== "system") throw new AppError("FORBIDDEN");
  return db.reconciliationRun.findMany({ orderBy: { startedAt: "desc" }, take: 30 });
}

export async function getReconciliationRun(ctx: ActorContext, id: string) {
  if (ctx.kind !== "registrar" && ctx.kind !== "system") throw new AppError("FORBIDDEN");
  const run = await db.reconciliationRun.findUnique({
    where: { id },
    include: { findings: { orderBy: { domainName: "asc" }, take: 1_000 } },
  });
  if (!run) throw new AppError("NOT_FOUND");
  return run;
}
