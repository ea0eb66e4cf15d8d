/** The registry-facing steps of the lifecycle sweep (each asks or tells the registry per name). */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { isAppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { callRegistry, RegistryRefusal } from "@/server/registry/access";
import { markTransferredAway } from "./apply-transfer-event";
import { addDays } from "../lifecycle/clock";
import { LIFECYCLE } from "../lifecycle/policy";

/** Registrars delete an unrenewed name on the last day of the auto-renew grace; the registry refunds the auto-renewal. */
export async function expireGrace(now: Date): Promise<number> {
  const cutoff = addDays(now, -(LIFECYCLE.autoRenewGraceDays - 1));
  const names = await db.domain.findMany({
    where: { state: "expired", expiresAt: { lte: cutoff } },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    take: 2_000,
  });
  let n = 0;
  for (const d of names) {
    const ctx = systemContext(d.resellerId);
    try {
      await db.host.findMany({ where: { domainId: d.id } }).then(async (hosts) => {
        for (const h of hosts) {
          if (d.nameservers.includes(h.name))
            await callRegistry(ctx, d, "updateDomain", { name: d.name, remove: { nameservers: [h.name] } });
          await callRegistry(ctx, d, "deleteHost", { name: h.name });
          await db.host.delete({ where: { id: h.id } });
        }
      });
      await callRegistry(ctx, d, "deleteDomain", { name: d.name });
    } catch (e) {
      // 2303: already gone at the registry; other refusals are retried by tomorrow's sweep.
      if (!isAppError(e)) throw e;
      if (!(e instanceof RegistryRefusal && e.eppCode === 2303)) continue;
    }
    const redemptionEndsAt = addDays(now, LIFECYCLE.redemptionDays);
    await db.$transaction(async (tx) => {
      await tx.domain.update({ where: { id: d.id }, data: { state: "redemption", autoRenew: false } });
      await tx.domainLifecycle.upsert({
        where: { domainId: d.id },
        create: {
          domainId: d.id,
          resellerId: d.resellerId,
          redemptionEndsAt,
          purgeAt: addDays(redemptionEndsAt, LIFECYCLE.pendingDeleteDays),
        },
        update: { redemptionEndsAt, purgeAt: addDays(redemptionEndsAt, LIFECYCLE.pendingDeleteDays) },
      });
      await recordAudit(tx, systemContext(d.resellerId), {
        action: "domain.redemption",
        entity: "domain",
        entityId: d.id,
        resellerId: d.resellerId,
        before: { state: "expired" },
        after: { state: "redemption", redemptionEndsAt },
      });
    });
    n++;
  }
  return n;
}

export async function finishRedemption(now: Date): Promise<number> {
  const rows = await db.domainLifecycle.findMany({
    where: { redemptionEndsAt: { lte: now } },
    select: { domainId: true },
  });
  if (!rows.length) return 0;
  const r = await db.domain.updateMany({
    where: { id: { in: rows.map((x) => x.domainId) }, state: "redemption" },
    data: { state: "pending_delete" },
  });
  return r.count;
}

/** pendingDelete over: the registry has purged the name (or will say so); released names are `deleted`. */
export async function releasePurged(now: Date): Promise<number> {
  const rows = await db.domainLifecycle.findMany({ where: { purgeAt: { lte: now } }, select: { domainId: true } });
  const domains = await db.domain.findMany({
    where: { id: { in: rows.map((x) => x.domainId) }, state: "pending_delete" },
  });
  let n = 0;
  for (const d of domains) {
    try {
      await callRegistry(systemContext(d.resellerId), d, "infoDomain", { name: d.name });
      continue; // still there: the registry's own purge has not happened yet
    } catch (e) {
      if (!(e instanceof RegistryRefusal && e.eppCode === 2303)) continue;
    }
    await markDeleted(d.id, d.resellerId);
    n++;
  }
  return n;
}

export async function markDeleted(domainId: string, resellerId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const d = await tx.domain.update({ where: { id: domainId }, data: { state: "deleted", autoRenew: false } });
    await tx.domainLifecycle.deleteMany({ where: { domainId } });
    await recordAudit(tx, systemContext(resellerId), {
      action: "domain.released",
      entity: "domain",
      entityId: domainId,
      resellerId,
      after: { state: d.state },
    });
  });
}

export async function settleOverdueTransfers(now: Date): Promise<number> {
  const overdue = await db.domain.findMany({
    where: { state: "pending_transfer_out", pendingTransferDeadline: { lte: now } },
    take: 2_000,
  });
  let n = 0;
  for (const d of overdue) {
    try {
      const r = await callRegistry(systemContext(d.resellerId), d, "transferDomain", { op: "query", name: d.name });
      if (r.data.status === "serverApproved" || r.data.status === "clientApproved") {
        await markTransferredAway(d.id, d.resellerId, r.data.status);
        n++;
      }
    } catch {
      // The nightly reconciliation looks at the sponsor too; nothing to decide here.
    }
  }
  return n;
}
