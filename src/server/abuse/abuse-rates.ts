/**
 * Abuse reports per 10,000 names, per reseller, over a trailing window: the figure the registrar
 * watches to find resellers whose customers attract abuse (RAA 3.12: the registrar stays responsible).
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { requireRegistrarReader } from "@/server/tenancy/guards";
import { platformNow, addDays } from "@/server/domains/lifecycle/clock";

export type AbuseRate = { resellerId: string; resellerName: string; reports: number; names: number; per10k: number };

export function per10k(reports: number, names: number): number {
  return names === 0 ? 0 : Math.round((reports * 10_000 * 10) / names) / 10;
}

export async function abuseRates(ctx: ActorContext, days = 90): Promise<AbuseRate[]> {
  requireRegistrarReader(ctx);
  const since = addDays(platformNow(), -days);
  const [reports, names, resellers] = await Promise.all([
    db.abuseReport.groupBy({
      by: ["resellerId"],
      where: { receivedAt: { gte: since }, resellerId: { not: null } },
      _count: { _all: true },
    }),
    db.domain.groupBy({
      by: ["resellerId"],
      where: { state: { in: ["active", "expired", "pending_transfer_out"] } },
      _count: { _all: true },
    }),
    db.reseller.findMany({ select: { id: true, displayName: true } }),
  ]);
  const reportsOf = new Map(reports.map((r) => [r.resellerId, r._count._all]));
  const namesOf = new Map(names.map((n) => [n.resellerId, n._count._all]));
  return resellers
    .map((r) => {
      const n = namesOf.get(r.id) ?? 0;
      const c = reportsOf.get(r.id) ?? 0;
      return { resellerId: r.id, resellerName: r.displayName, reports: c, names: n, per10k: per10k(c, n) };
    })
    .filter((r) => r.names > 0 || r.reports > 0)
    .sort((a, b) => b.per10k - a.per10k || b.reports - a.reports);
}
