/**
 * Refunds an item, ledger first (docs/decisions/067-ledger-first-refunds-and-checkout-matching.md):
 * 1. One transaction posts the reversal and marks the item `refunding` (or `refunded` when no payer
 *    is owed money). The posting obeys the balance floor, so a refund the reseller cannot cover is
 *    refused here, before any money leaves, and the item stays as it was.
 * 2. The payment provider is asked to return the payer's money, with a key derived from the item, so
 *    a retry can never send it twice.
 * 3. The item becomes `refunded`. If step 2 fails the item stays `refunding`; calling this again (the
 *    fulfilment job and the stalled-items sweep do) skips step 1 and finishes steps 2 and 3.
 */
import { db, type Tx } from "@/server/db";
import { AppError, isAppError } from "@/server/errors";
import { postEntry } from "@/server/billing/post-entry";
import { sendRefund } from "@/server/payments/send-refund";
import { formatMoney } from "@/lib/money";
import type { OrderItemState } from "@/generated/prisma/enums";
import { transitionItem } from "./transition-item";
import { registrantPayment } from "./registrant-paid";
import { refundLines } from "./refund-lines";

const REFUNDABLE: readonly OrderItemState[] = ["failed", "completed", "refunding"];

async function lockedState(tx: Tx, itemId: string): Promise<OrderItemState | null> {
  const rows = await tx.$queryRaw<
    { state: OrderItemState }[]
  >`select state from "OrderItem" where id = ${itemId} for update`;
  return rows[0]?.state ?? null;
}

export async function refundItem(itemId: string, reason = "refunded"): Promise<void> {
  const item = await db.orderItem.findUnique({
    where: { id: itemId },
    include: { order: true, hold: true, product: { select: { registryOperator: true } } },
  });
  if (!item) throw new AppError("NOT_FOUND");
  if (item.state === "refunded") return;
  if (!REFUNDABLE.includes(item.state))
    throw new AppError("CONFLICT", "Only failed or completed items can be refunded.");
  const payment = await registrantPayment(db, item.orderId);
  const payer = payment && item.retailAmount > 0 ? payment : null;

  await db.$transaction(async (tx) => {
    // The row lock makes two refunds of one item take turns; the second finds the first's work done.
    const state = await lockedState(tx, itemId);
    if (state === "refunding" || state === "refunded") return;
    if (state !== "failed" && state !== "completed")
      throw new AppError("CONFLICT", "Only failed or completed items can be refunded.");
    const hold = await tx.hold.findUnique({ where: { orderItemId: itemId }, select: { status: true, amount: true } });
    const lines = refundLines({ ...item, state, hold }, payer !== null);
    if (lines.length) {
      try {
        await postEntry(tx, {
          key: `refund:${itemId}`,
          kind: "refund",
          memo: `Refund: ${item.subject}`,
          resellerId: item.resellerId,
          orderId: item.orderId,
          lines,
        });
      } catch (e) {
        if (!isAppError(e) || e.code !== "INSUFFICIENT_BALANCE") throw e;
        const amount = formatMoney(item.retailAmount, item.order.currency);
        throw new AppError(
          "INSUFFICIENT_BALANCE",
          `The balance cannot cover refunding ${amount} for ${item.subject}; nothing was refunded. Top up the balance, then try again.`,
          { cause: e },
        );
      }
    }
    await transitionItem(tx, itemId, payer ? "refunding" : "refunded", reason);
  });
  if (!payer) return;

  await sendRefund(payer, item.retailAmount, `refund:${itemId}`);
  await db.$transaction(async (tx) => {
    if ((await lockedState(tx, itemId)) === "refunding")
      await transitionItem(tx, itemId, "refunded", "the payment provider accepted the refund");
  });
}

export async function refundFailedItems(itemIds: string[]): Promise<void> {
  for (const id of itemIds) await refundItem(id, "payment received but the item could not be fulfilled");
}
