/**
 * A person sends a parked item back to fulfilment. The run starts counting attempts afresh but keeps
 * `uncertain`, so the next attempt asks the registry what happened before sending anything again:
 * a retry can finish the item, never do it twice.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { parseInput } from "@/server/parse-input";
import { transitionItem } from "@/server/orders/transition-item";
import { enqueueFulfilment } from "@/server/fulfilment/enqueue-fulfilment";
import { findReadableItem, lockParkedItem, requireDecider } from "./parked-access";
import { retryNote } from "./parked-input";

export async function retryParkedItem(
  ctx: ActorContext,
  itemId: string,
  opts: { note?: string } = {},
): Promise<{ itemId: string; outcome: "retried" }> {
  const note = parseInput(retryNote, opts.note ?? "");
  const item = await findReadableItem(ctx, itemId);
  requireDecider(ctx, item.resellerId);
  await db.$transaction(
    async (tx) => {
      await lockParkedItem(tx, ctx, item);
      await transitionItem(tx, item.id, "provisioning", "a person asked to try again");
      const before = await tx.fulfilmentRun.findUnique({ where: { itemId: item.id } });
      const reset = { attempts: 0, parkedReason: null, finishedAt: null, leaseToken: null, leasedUntil: null };
      await tx.fulfilmentRun.upsert({
        where: { itemId: item.id },
        update: reset,
        // No run on record: nothing says what the registry did, so the next attempt asks first.
        create: { itemId: item.id, ...reset, uncertain: true },
      });
      const queued = await enqueueFulfilment(tx, [{ id: item.id, kind: item.kind }]);
      if (!queued) throw new AppError("CONFLICT", "This kind of item cannot be tried again here; resolve it instead.");
      await recordAudit(tx, ctx, {
        action: "order_item.parked.retry",
        entity: "order_item",
        entityId: item.id,
        resellerId: item.resellerId,
        before: { state: "parked", attempts: before?.attempts ?? 0, parkedReason: before?.parkedReason ?? null },
        after: { state: "provisioning", note: note || null },
      });
    },
    { timeout: 30_000 },
  );
  return { itemId: item.id, outcome: "retried" };
}
