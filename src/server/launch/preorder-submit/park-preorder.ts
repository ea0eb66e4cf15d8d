/**
 * A pre-order's sends ran out of the engine's attempts (FULFILMENT_MAX_ATTEMPTS) without an answer.
 * As the engine does (decision 074): when a create may have reached the registry the pre-order is
 * parked for a person, the money still held, and both consoles show it with retry and resolve; when
 * nothing was ever sent it fails and is refunded.
 */
import { db } from "@/server/db";
import { Prisma } from "@/generated/prisma/client";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { transitionItem } from "@/server/orders/transition-item";
import { failItem } from "@/server/orders/complete-item";
import { refundItem } from "@/server/orders/refund-item";
import { notifyIfOrderFinished } from "@/server/orders/notify-order-finished";
import type { ProvisionItem } from "@/server/orders/provisioner";
import { preorderDetailsSchema } from "@/server/launch/preorder/preorder-details";

export async function parkOrFailPreorder(
  item: ProvisionItem,
  opts: { tries: number; uncertain: boolean; error: string },
): Promise<"parked" | "failed" | "gone"> {
  const d = preorderDetailsSchema.parse(item.details ?? {});
  const tries = `${opts.tries} attempt${opts.tries === 1 ? "" : "s"}`;
  const details = { ...d, sent: opts.uncertain, tries: opts.tries, leaseUntil: undefined };
  if (!opts.uncertain) {
    const reason = `The registry could not be reached after ${tries}.`;
    const failed = await db.$transaction(async (tx) => {
      const { count } = await tx.orderItem.updateMany({
        where: { id: item.id, state: "pending_registry" },
        data: { details: details as Prisma.InputJsonValue },
      });
      if (count) await failItem(tx, item.id, reason);
      return count > 0;
    });
    if (!failed) return "gone";
    await refundItem(item.id, reason);
    await notifyIfOrderFinished(item.orderId);
    return "failed";
  }
  const parkedReason =
    `After ${tries} we still do not know whether the registry created ${item.subject} for this pre-order ` +
    `(last error: ${opts.error.slice(0, 300)}). Check the registry, then retry or resolve the item.`;
  const parked = await db.$transaction(async (tx) => {
    const { count } = await tx.orderItem.updateMany({
      where: { id: item.id, state: "pending_registry" },
      data: { details: details as Prisma.InputJsonValue },
    });
    if (!count) return false;
    const run = { attempts: opts.tries, uncertain: true, parkedReason, lastError: opts.error.slice(0, 500) };
    await tx.fulfilmentRun.upsert({
      where: { itemId: item.id },
      create: { itemId: item.id, ...run, finishedAt: new Date() },
      update: { ...run, finishedAt: new Date(), leaseToken: null, leasedUntil: null },
    });
    await transitionItem(tx, item.id, "parked", parkedReason);
    await recordAudit(tx, systemContext(item.resellerId), {
      action: "order.item_parked",
      entity: "order_item",
      entityId: item.id,
      resellerId: item.resellerId,
      after: { subject: item.subject, kind: item.kind, attempts: opts.tries, reason: parkedReason },
    });
    return true;
  });
  return parked ? "parked" : "gone";
}
