/**
 * The auction's winner: the item completes charged the clearing price, never more than the
 * registrant's maximum, in one transaction that first gives back what was held beyond it:
 * - the reseller's wholesale hold shrinks to the wholesale of the clearing price (the rest returns
 *   to available), then is captured as usual;
 * - a registrant who paid the maximum at checkout is owed the difference: it leaves registrant funds
 *   as a refund on the ledger here and goes back through the payment provider after the commit,
 *   with a key derived from the item so a second run never sends it twice; a refusal is sent again
 *   by the next follower run (sendPendingExcessRefunds).
 * The item's and order's amounts are lowered to what was charged, so receipts, mails and any later
 * refund of the item work from the real price (decision 121).
 */
import { db, type Tx } from "@/server/db";
import { isAppError } from "@/server/errors";
import { Prisma } from "@/generated/prisma/client";
import { resellerAccount } from "@/server/billing/accounts";
import { postEntry } from "@/server/billing/post-entry";
import { completeItem } from "@/server/orders/complete-item";
import { registrantPayment } from "@/server/orders/registrant-paid";
import { notifyIfOrderFinished } from "@/server/orders/notify-order-finished";
import { sendRefund } from "@/server/payments/send-refund";
import { loadPriceContext } from "@/server/pricing/load-price-context";
import type { ProvisionItem } from "@/server/orders/provisioner";
import { writeAllocatedDomain } from "@/server/launch/shared/write-allocated-domain";
import { priceOfFee } from "./bid-price";
import { landrushDetailsSchema } from "./landrush-details";

type Allocated = { clearingPriceUsd?: number; createdAt?: string; expiresAt?: string; roid?: string };

/** Shrinks the held wholesale to `keep`, returning the rest to the reseller's available balance. */
async function shrinkHold(tx: Tx, item: ProvisionItem, keep: number) {
  const [hold] = await tx.$queryRaw<{ amount: number; currency: string; status: string }[]>`
    select amount, currency, status::text as status from "Hold" where "orderItemId" = ${item.id} for update`;
  if (!hold || hold.status !== "held" || hold.amount <= keep) return;
  const back = hold.amount - keep;
  await postEntry(tx, {
    key: `landrush-release:${item.id}`,
    kind: "release",
    memo: `Landrush cleared below the maximum: ${item.subject}`,
    resellerId: item.resellerId,
    orderId: item.orderId,
    lines: [
      { account: resellerAccount("reseller_held", item.resellerId, hold.currency), amount: -back },
      { account: resellerAccount("reseller_available", item.resellerId, hold.currency), amount: back },
    ],
  });
  await tx.hold.update({ where: { orderItemId: item.id }, data: { amount: keep } });
}

export async function settleLandrushWin(item: ProvisionItem, at: Allocated): Promise<void> {
  const d = landrushDetailsSchema.parse(item.details);
  // No price stated: the registry may have charged up to the bid, so that is what is kept.
  const clearing = Math.min(at.clearingPriceUsd ?? d.maxBidUsd, d.maxBidUsd);
  const pc = await loadPriceContext(db, item.resellerId);
  const priced = priceOfFee(pc, clearing);
  const wholesale = Math.min(priced.wholesale, item.wholesaleAmount);
  const retail = Math.min(priced.retail, item.retailAmount);
  const payer = await registrantPayment(db, item.orderId);
  const excess = payer && item.retailAmount > 0 ? item.retailAmount - retail : 0;

  const settled = await db.$transaction(async (tx) => {
    const details = {
      ...d,
      applicationStatus: "allocated" as const,
      clearingPriceUsd: clearing,
      ...(excess > 0 ? { excessRefund: { amount: excess, sent: false } } : {}),
    };
    const locked = await tx.orderItem.updateMany({
      where: { id: item.id, state: "pending_registry" },
      data: {
        details: details as Prisma.InputJsonValue,
        retailAmount: retail,
        wholesaleAmount: wholesale,
        registryCost: clearing,
      },
    });
    // Another follower settled it first.
    if (locked.count === 0) return false;
    await shrinkHold(tx, item, wholesale);
    if (excess > 0) {
      await postEntry(tx, {
        key: `landrush-refund:${item.id}`,
        kind: "refund",
        memo: `Landrush cleared below the maximum: ${item.subject}`,
        resellerId: item.resellerId,
        orderId: item.orderId,
        lines: [
          { account: resellerAccount("registrant_funds", item.resellerId, item.order.currency), amount: -excess },
          { account: resellerAccount("refunds_paid", item.resellerId, item.order.currency), amount: excess },
        ],
      });
    }
    await tx.order.update({
      where: { id: item.orderId },
      data: {
        retailTotal: { decrement: item.retailAmount - retail },
        wholesaleTotal: { decrement: item.wholesaleAmount - wholesale },
      },
    });
    await completeItem(tx, item.id, { registryCost: clearing });
    await writeAllocatedDomain(tx, item, details, { authCodeEnc: d.authCodeEnc, ...at });
    return true;
  });
  if (!settled) return;
  await sendExcessRefund(item.id);
  await notifyIfOrderFinished(item.orderId);
}

/**
 * Sends a winner's excess back through the payment provider, once: the key makes a repeat harmless
 * and the flag is set only after the provider took it. A refusal leaves it for the next follower run.
 */
export async function sendExcessRefund(itemId: string): Promise<boolean> {
  const item = await db.orderItem.findUniqueOrThrow({
    where: { id: itemId },
    select: { orderId: true, details: true },
  });
  const d = landrushDetailsSchema.parse(item.details);
  const payer = await registrantPayment(db, item.orderId);
  if (!d.excessRefund || d.excessRefund.sent || !payer) return false;
  try {
    await sendRefund(payer, d.excessRefund.amount, `landrush-excess:${itemId}`);
  } catch (e) {
    if (!isAppError(e)) throw e;
    return false;
  }
  const details = { ...d, excessRefund: { ...d.excessRefund, sent: true } };
  await db.orderItem.update({ where: { id: itemId }, data: { details: details as Prisma.InputJsonValue } });
  return true;
}

/** Completed landrush items whose excess the payment provider refused earlier: sent again. */
export async function sendPendingExcessRefunds(limit = 100): Promise<number> {
  const due = await db.orderItem.findMany({
    where: {
      kind: "landrush_application",
      state: "completed",
      details: { path: ["excessRefund", "sent"], equals: false },
    },
    select: { id: true },
    take: limit,
  });
  let sent = 0;
  for (const i of due) if (await sendExcessRefund(i.id)) sent++;
  return sent;
}
