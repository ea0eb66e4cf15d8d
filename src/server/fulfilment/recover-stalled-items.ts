/**
 * Re-enqueues order items that should be moving but have no live job: a crash between "paid" and
 * the enqueue (balance-paid orders enqueue just after placing), a worker killed mid-item whose lease
 * has run out, or a refund that failed (`failed`) or that the payment provider has yet to confirm
 * (`refunding`). The lease makes a duplicate job harmless. Parked items wait for a person.
 */
import { db } from "@/server/db";
import { enqueueFulfilment, FULFILLED_KINDS } from "./enqueue-fulfilment";
import { stallAfterMs } from "./settings";

export { stallAfterMs };

export async function recoverStalledItems(now = new Date(), limit = 500): Promise<number> {
  const quietSince = new Date(now.getTime() - stallAfterMs());
  const items = await db.orderItem.findMany({
    where: {
      kind: { in: [...FULFILLED_KINDS] },
      state: { in: ["paid", "provisioning", "failed", "refunding"] },
      updatedAt: { lt: quietSince },
    },
    select: { id: true, kind: true },
    orderBy: { updatedAt: "asc" },
    take: limit,
  });
  if (!items.length) return 0;
  const runs = await db.fulfilmentRun.findMany({ where: { itemId: { in: items.map((i) => i.id) } } });
  // Held by a live runner, or touched lately (an attempt ended and its retry waits in the queue).
  const busy = new Set(
    runs
      .filter((r) => !r.finishedAt && ((r.leasedUntil && r.leasedUntil > now) || r.updatedAt > quietSince))
      .map((r) => r.itemId),
  );
  const stalled = items.filter((i) => !busy.has(i.id));
  // One statement per item, not one transaction over all of them: under load a transaction of many
  // inserts outlasts its timeout, rolls back and re-enqueues nothing, pass after pass (decision 142).
  // An item whose job could not be written is found again by the next pass; the pass still fails, so
  // the queue records why.
  let enqueued = 0;
  let firstError: unknown = null;
  for (const item of stalled) {
    try {
      enqueued += await enqueueFulfilment(db, [item]);
    } catch (e) {
      firstError ??= e;
    }
  }
  if (firstError) throw firstError;
  return enqueued;
}
