/** One domain with everything its page shows: hosts, full registry history, lifecycle, notices, orders. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { getDomainOrThrow } from "../manage/get-domain-or-throw";

export async function getDomainDetail(ctx: ActorContext, id: string, opts: { historyLimit?: number } = {}) {
  const domain = await getDomainOrThrow(ctx, id);
  const [hosts, operations, lifecycle, notices, orderItems, registrant, reseller, pendingChange] = await Promise.all([
    db.host.findMany({ where: { domainId: id }, orderBy: { name: "asc" } }),
    db.domainOperation.findMany({ where: { domainId: id }, orderBy: { at: "desc" }, take: opts.historyLimit ?? 200 }),
    db.domainLifecycle.findUnique({ where: { domainId: id } }),
    db.renewalNotice.findMany({ where: { domainId: id }, orderBy: { sentAt: "desc" }, take: 20 }),
    db.orderItem.findMany({
      where: { resellerId: domain.resellerId, subject: domain.name },
      orderBy: { createdAt: "desc" },
      take: 20,
      include: { order: { select: { id: true, createdAt: true, channel: true } } },
    }),
    domain.registrantId
      ? db.registrant.findUnique({ where: { id: domain.registrantId }, select: { id: true, email: true, name: true } })
      : null,
    db.reseller.findUniqueOrThrow({
      where: { id: domain.resellerId },
      select: { id: true, displayName: true, slug: true },
    }),
    db.registrantChange.findFirst({ where: { domainId: id, status: "pending" }, orderBy: { createdAt: "desc" } }),
  ]);
  return { domain, hosts, operations, lifecycle, notices, orderItems, registrant, reseller, pendingChange };
}

export type DomainDetail = Awaited<ReturnType<typeof getDomainDetail>>;
