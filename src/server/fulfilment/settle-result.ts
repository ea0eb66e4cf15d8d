/** Applies a provisioner's result: the item's new state, the money, the provisioner's records, the mail. */
import { db } from "@/server/db";
import { completeItem, failItem } from "@/server/orders/complete-item";
import { refundItem } from "@/server/orders/refund-item";
import { transitionItem } from "@/server/orders/transition-item";
import type { OrderItemState } from "@/generated/prisma/enums";
import type { ProvisionItem, ProvisionResult } from "./provisioner";
import { notifyIfOrderFinished } from "./notify-order-finished";

export async function settleResult(item: ProvisionItem, result: ProvisionResult): Promise<OrderItemState> {
  const finished = { finishedAt: new Date(), leasedUntil: null };
  await db.$transaction(
    async (tx) => {
      await tx.fulfilmentRun.update({
        where: { itemId: item.id },
        data: { ...finished, lastError: result.status === "failed" ? result.reason : null },
      });
      if (result.status === "completed") {
        await completeItem(tx, item.id, { registryCost: result.registryCost });
      } else if (result.status === "pending_registry") {
        await transitionItem(tx, item.id, "pending_registry", result.message);
      } else {
        await failItem(tx, item.id, result.reason);
      }
      // Last: provisioners write their audit entry here, and the audit chain's lock is held to commit.
      await result.commit?.(tx);
    },
    { timeout: 30_000 },
  );
  if (result.status === "failed") await refundItem(item.id, result.reason);
  await notifyIfOrderFinished(item.orderId);
  return result.status === "failed" ? "refunded" : result.status;
}
