/**
 * Applies a provisioner's result under the lease: the item's new state, the money, the provisioner's
 * records, the attempt's outcome, then the refund and the mail. If the lease was lost the whole
 * transaction rolls back and the runner that holds the item now settles it. A completed item goes
 * to the process's group commit (decision 129), which settles it with others that completed at the
 * same time, or alone as here when its group could not be written.
 */
import { db } from "@/server/db";
import { settleCompletedMoney } from "@/server/orders/complete-item";
import { releaseHold } from "@/server/billing/settle-hold";
import { refundItem } from "@/server/orders/refund-item";
import type { OrderItemState } from "@/generated/prisma/enums";
import type { ProvisionItem, ProvisionResult } from "../orders/provisioner";
import { finishRunAndMove } from "./finish-and-move";
import { groupSettler } from "./group-settle";
import { releaseFailedItem } from "./release-on-failure";
import { notifyIfOrderFinished } from "../orders/notify-order-finished";
import { engineSettings } from "./settings";
import { timeStep } from "./step-times";

const MOVES = {
  completed: { to: "completed", reason: "registry confirmed" },
  pending_registry: { to: "pending_registry", reason: "" },
  failed: { to: "failed", reason: "" },
} as const;

async function settleAlone(item: ProvisionItem, result: ProvisionResult, token: string): Promise<void> {
  const reason =
    result.status === "failed"
      ? result.reason
      : result.status === "pending_registry"
        ? result.message
        : MOVES.completed.reason;
  await db.$transaction(
    async (tx) => {
      // The outcome is known now: nothing is uncertain any more. One statement finishes the run under
      // the lease, moves the item and reads what the money needs.
      const m = await finishRunAndMove(tx, item, token, result.status, MOVES[result.status].to, reason);
      if (result.status === "completed") {
        await settleCompletedMoney(tx, item.id, item, {
          hold: m.hold,
          paidByRegistrant: m.paidByRegistrant,
          registryCost: result.registryCost,
        });
      } else if (result.status === "failed") {
        if (m.hold?.status === "held") await releaseHold(tx, item.id, item.orderId, m.hold);
        await releaseFailedItem(tx, item, result.reason);
      }
      // Last: provisioners write their audit entry here, and the audit chain's lock is held to commit.
      await result.commit?.(tx);
    },
    { timeout: 30_000 },
  );
}

let grouped: { key: string; settle: ReturnType<typeof groupSettler> } | null = null;

/** The process's collector, made again if its limits changed (tests change the environment). */
function groupSettle() {
  const limits = engineSettings().group;
  const key = `${limits.maxItems}/${limits.maxInFlight}`;
  if (grouped?.key !== key) grouped = { key, settle: groupSettler(limits, settleAlone) };
  return limits.maxItems > 1 ? grouped.settle : null;
}

export async function settleResult(
  item: ProvisionItem,
  result: ProvisionResult,
  token: string,
): Promise<OrderItemState> {
  const group = result.status === "completed" ? groupSettle() : null;
  if (group && result.status === "completed") await timeStep("settle", () => group(item, result, token));
  else await settleAlone(item, result, token);
  if (result.status === "failed") await refundItem(item.id, result.reason);
  await timeStep("notify", () => notifyIfOrderFinished(item.orderId));
  return result.status === "failed" ? "refunded" : result.status;
}
