/**
 * Applies a provisioner's result under the lease: the item's new state, the money, the provisioner's
 * records, the attempt's outcome, then the refund and the mail. If the lease was lost the whole
 * transaction rolls back and the runner that holds the item now settles it.
 */
import { db } from "@/server/db";
import { completeItem, failItem } from "@/server/orders/complete-item";
import { refundItem } from "@/server/orders/refund-item";
import { transitionItem } from "@/server/orders/transition-item";
import type { OrderItemState } from "@/generated/prisma/enums";
import type { ProvisionItem, ProvisionResult } from "../orders/provisioner";
import { finishOwnRun } from "./lease";
import { notifyIfOrderFinished } from "../orders/notify-order-finished";

export async function settleResult(
  item: ProvisionItem,
  result: ProvisionResult,
  token: string,
): Promise<OrderItemState> {
  const reason = result.status === "failed" ? result.reason : null;
  await db.$transaction(
    async (tx) => {
      // The outcome is known now: nothing is uncertain any more.
      await finishOwnRun(tx, item.id, token, result.status, reason);
      if (result.status === "completed") {
        await completeItem(tx, item.id, { registryCost: result.registryCost, item });
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
