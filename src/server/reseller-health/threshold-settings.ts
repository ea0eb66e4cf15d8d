/**
 * The thresholds the registrar sets (decision 115): one registrar-wide value per figure and optional
 * overrides per reseller. The registrar-wide rows are seeded from the defaults the first time anything
 * reads them, so a fresh platform flags exactly what the fixed table of decision 107 flagged.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { requireRegistrarAdmin, requireRegistrarReader } from "@/server/tenancy/guards";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { HEALTH_METRIC_KEYS, HEALTH_METRICS, isHealthMetric, type HealthMetricKey } from "./health-thresholds";
import type { ClearOverrideInput, SetThresholdInput } from "./health-inputs";

const PLATFORM = "platform";

export type Limits = Record<HealthMetricKey, { limit: number | null; overridden: boolean }>;
export type ThresholdTable = {
  platform: Map<HealthMetricKey, number | null>;
  overrides: Map<string, Map<HealthMetricKey, number | null>>;
};

async function seedDefaults(): Promise<void> {
  const present = await db.healthThreshold.count({ where: { scope: PLATFORM } });
  if (present >= HEALTH_METRIC_KEYS.length) return;
  // Concurrent first reads both insert; the unique (metric, scope) keeps one row each.
  await db.healthThreshold.createMany({
    data: HEALTH_METRIC_KEYS.map((metric) => ({ metric, scope: PLATFORM, limit: HEALTH_METRICS[metric].defaultLimit })),
    skipDuplicates: true,
  });
}

/** Every threshold row, for one reseller (its overrides only) or all of them (the daily evaluation). */
export async function loadThresholdTable(resellerId?: string): Promise<ThresholdTable> {
  await seedDefaults();
  const rows = await db.healthThreshold.findMany({
    where: resellerId ? { scope: { in: [PLATFORM, resellerId] } } : {},
    select: { metric: true, scope: true, limit: true },
  });
  const table: ThresholdTable = { platform: new Map(), overrides: new Map() };
  for (const r of rows) {
    if (!isHealthMetric(r.metric)) continue;
    if (r.scope === PLATFORM) table.platform.set(r.metric, r.limit);
    else {
      const own = table.overrides.get(r.scope) ?? new Map<HealthMetricKey, number | null>();
      own.set(r.metric, r.limit);
      table.overrides.set(r.scope, own);
    }
  }
  return table;
}

export function limitsFor(table: ThresholdTable, resellerId: string): Limits {
  const own = table.overrides.get(resellerId);
  return Object.fromEntries(
    HEALTH_METRIC_KEYS.map((m) => [
      m,
      own?.has(m)
        ? { limit: own.get(m) ?? null, overridden: true }
        : {
            limit: table.platform.has(m) ? (table.platform.get(m) ?? null) : HEALTH_METRICS[m].defaultLimit,
            overridden: false,
          },
    ]),
  ) as Limits;
}

/** The thresholds page: registrar-wide values and every override with its reseller's name. */
export async function listThresholds(ctx: ActorContext) {
  requireRegistrarReader(ctx);
  const table = await loadThresholdTable();
  const resellers = await db.reseller.findMany({
    where: { OR: [{ status: { not: "closed" } }, { id: { in: [...table.overrides.keys()] } }] },
    select: { id: true, displayName: true },
    orderBy: { displayName: "asc" },
  });
  const names = new Map(resellers.map((r) => [r.id, r.displayName]));
  return {
    resellers,
    platform: HEALTH_METRIC_KEYS.map((metric) => ({
      metric,
      ...HEALTH_METRICS[metric],
      limit: table.platform.get(metric) ?? null,
    })),
    overrides: [...table.overrides.entries()]
      .flatMap(([resellerId, own]) =>
        [...own.entries()].map(([metric, limit]) => ({
          resellerId,
          resellerName: names.get(resellerId) ?? resellerId,
          metric,
          label: HEALTH_METRICS[metric].label,
          limit,
        })),
      )
      .sort((a, b) => a.resellerName.localeCompare(b.resellerName) || a.label.localeCompare(b.label)),
  };
}

export async function setThreshold(ctx: ActorContext, input: SetThresholdInput) {
  requireRegistrarAdmin(ctx);
  await seedDefaults();
  const metric = input.metric as HealthMetricKey;
  if (input.resellerId) {
    const exists = await db.reseller.findUnique({ where: { id: input.resellerId }, select: { id: true } });
    if (!exists) throw new AppError("NOT_FOUND");
  }
  const scope = input.resellerId ?? PLATFORM;
  return db.$transaction(async (tx) => {
    const before = await tx.healthThreshold.findUnique({ where: { metric_scope: { metric, scope } } });
    const row = await tx.healthThreshold.upsert({
      where: { metric_scope: { metric, scope } },
      create: {
        metric,
        scope,
        resellerId: input.resellerId,
        limit: input.limit,
        updatedById: ctx.actorId,
        updatedAt: platformNow(),
      },
      update: { limit: input.limit, updatedById: ctx.actorId, updatedAt: platformNow() },
    });
    await recordAudit(tx, ctx, {
      action: input.resellerId ? "health_threshold.override" : "health_threshold.set",
      entity: "health_threshold",
      entityId: row.id,
      resellerId: null,
      before: before ? { limit: before.limit } : null,
      after: { metric, resellerId: input.resellerId, limit: input.limit },
    });
    return { metric, limit: row.limit };
  });
}

export async function clearThresholdOverride(ctx: ActorContext, input: ClearOverrideInput) {
  requireRegistrarAdmin(ctx);
  return db.$transaction(async (tx) => {
    const row = await tx.healthThreshold.findUnique({
      where: { metric_scope: { metric: input.metric, scope: input.resellerId } },
    });
    if (!row) throw new AppError("NOT_FOUND");
    await tx.healthThreshold.delete({ where: { id: row.id } });
    await recordAudit(tx, ctx, {
      action: "health_threshold.clear_override",
      entity: "health_threshold",
      entityId: row.id,
      resellerId: null,
      before: { metric: row.metric, resellerId: row.resellerId, limit: row.limit },
    });
    return { metric: row.metric };
  });
}
