/**
 * Reading and acknowledging findings: the registrar's list of open findings across resellers, one
 * reseller's findings on its health page, and a registrar admin's acknowledgement with a note (the
 * finding stays open until its figure is back within the threshold; the note says what was done).
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { requireRegistrarAdmin, requireRegistrarReader } from "@/server/tenancy/guards";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { HEALTH_METRICS, isHealthMetric } from "./health-thresholds";
import { findingWords } from "./evaluate-figures";
import type { AcknowledgeFindingInput } from "./health-inputs";

type FindingRow = Awaited<ReturnType<typeof db.healthFinding.findMany>>[number];

function present(f: FindingRow, currency: string, resellerName: string, acknowledgedBy: Map<string, string>) {
  const metric = isHealthMetric(f.metric) ? f.metric : null;
  return {
    ...f,
    resellerName,
    label: metric ? HEALTH_METRICS[metric].label : f.metric,
    words: metric ? findingWords(metric, f.lastValue, f.limit, currency) : `${f.metric}: ${f.lastValue}`,
    acknowledgedByEmail: f.acknowledgedById ? (acknowledgedBy.get(f.acknowledgedById) ?? null) : null,
  };
}

async function presentAll(rows: FindingRow[]) {
  const [resellers, users] = await Promise.all([
    db.reseller.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.resellerId))] } },
      select: { id: true, displayName: true, currency: true },
    }),
    db.user.findMany({
      where: { id: { in: rows.flatMap((r) => (r.acknowledgedById ? [r.acknowledgedById] : [])) } },
      select: { id: true, email: true },
    }),
  ]);
  const byId = new Map(resellers.map((r) => [r.id, r]));
  const emails = new Map(users.map((u) => [u.id, u.email]));
  return rows.map((f) => {
    const r = byId.get(f.resellerId);
    return present(f, r?.currency ?? "USD", r?.displayName ?? f.resellerId, emails);
  });
}

export type Finding = Awaited<ReturnType<typeof presentAll>>[number];

/** Open findings across resellers, oldest first; unacknowledged ones first within that. */
export async function listOpenFindings(ctx: ActorContext, opts: { take?: number } = {}) {
  requireRegistrarReader(ctx);
  const rows = await db.healthFinding.findMany({
    where: { closedAt: null },
    orderBy: [{ openedAt: "asc" }, { id: "asc" }],
    take: Math.min(opts.take ?? 200, 500),
  });
  const shown = await presentAll(rows);
  return [...shown.filter((f) => !f.acknowledgedAt), ...shown.filter((f) => f.acknowledgedAt)];
}

/** One reseller's findings whose life touched [from, to): open then, opened then, or closed then. */
export async function listResellerFindings(ctx: ActorContext, resellerId: string, period?: { from: Date; to: Date }) {
  requireRegistrarReader(ctx);
  const rows = await db.healthFinding.findMany({
    where: period
      ? { resellerId, openedAt: { lt: period.to }, OR: [{ closedAt: null }, { closedAt: { gte: period.from } }] }
      : { resellerId },
    orderBy: [{ openedAt: "desc" }, { id: "asc" }],
    take: 500,
  });
  return presentAll(rows);
}

export async function acknowledgeFinding(ctx: ActorContext, input: AcknowledgeFindingInput) {
  requireRegistrarAdmin(ctx);
  return db.$transaction(async (tx) => {
    const finding = await tx.healthFinding.findUnique({ where: { id: input.findingId } });
    if (!finding) throw new AppError("NOT_FOUND");
    if (finding.closedAt)
      throw new AppError("CONFLICT", "This finding has closed: its figure is back within the threshold.");
    if (finding.acknowledgedAt) throw new AppError("CONFLICT", "This finding is already acknowledged.");
    const at = platformNow();
    await tx.healthFinding.update({
      where: { id: finding.id },
      data: { acknowledgedAt: at, acknowledgedById: ctx.actorId, acknowledgeNote: input.note },
    });
    await recordAudit(tx, ctx, {
      action: "health_finding.acknowledge",
      entity: "health_finding",
      entityId: finding.id,
      resellerId: null,
      after: { resellerId: finding.resellerId, metric: finding.metric, note: input.note },
    });
    return { id: finding.id, acknowledgedAt: at };
  });
}
