/** The console dashboard's domain figures: daily sales and renewals, expiring soon, failures. */
import { db } from "@/server/db";
import { assertTenant, type ActorContext } from "@/server/context";

export type DailyPoint = { day: string; sales: number; renewals: number };

export async function dashboardStats(ctx: ActorContext, resellerId: string, now = new Date(), days = 30) {
  assertTenant(ctx, resellerId);
  const since = new Date(now.getTime() - (days - 1) * 86_400_000);
  since.setUTCHours(0, 0, 0, 0);
  const rows = await db.$queryRaw<{ day: Date; sales: bigint; renewals: bigint }[]>`
    select date_trunc('day', i."updatedAt") as day,
      coalesce(sum(i."retailAmount") filter (where i.kind <> 'domain_renew'), 0) as sales,
      coalesce(sum(i."retailAmount") filter (where i.kind = 'domain_renew'), 0) as renewals
    from "OrderItem" i
    where i."resellerId" = ${resellerId} and i.state = 'completed' and i."updatedAt" >= ${since}
    group by 1`;
  const byDay = new Map(rows.map((r) => [r.day.toISOString().slice(0, 10), r]));
  const series: DailyPoint[] = Array.from({ length: days }, (_, i) => {
    const day = new Date(since.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    const r = byDay.get(day);
    return { day, sales: Number(r?.sales ?? 0), renewals: Number(r?.renewals ?? 0) };
  });
  const [expiringSoon, failures, currency] = await Promise.all([
    db.domain.count({
      where: {
        resellerId,
        state: { in: ["active", "expired"] },
        expiresAt: { lte: new Date(now.getTime() + 30 * 86_400_000) },
      },
    }),
    db.orderItem.count({
      where: { resellerId, state: "failed", updatedAt: { gte: new Date(now.getTime() - 7 * 86_400_000) } },
    }),
    db.reseller.findUniqueOrThrow({ where: { id: resellerId }, select: { currency: true } }),
  ]);
  return { series, expiringSoon, failures, currency: currency.currency };
}
