/**
 * Refunds an item, reversing both sides of the ledger:
 * - failed item: its hold was released; a registrant who paid gets the retail amount back.
 * - completed item (undone later): the capture is reversed (revenue back to the reseller's balance,
 *   the registry payable back against cost) and a registrant who paid is refunded from the reseller's
 *   balance, which must cover it like any other debit.
 * The payment provider is asked first (with an idempotency key), then the ledger records it.
 */
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { registryAccount, resellerAccount } from "@/server/billing/accounts";
import { postEntry, type EntryLine } from "@/server/billing/post-entry";
import { paymentProvider } from "@/server/payments/get-payment-provider";
import { transitionItem } from "./transition-item";
import { registrantPayment } from "./registrant-paid";

export async function refundItem(itemId: string, reason = "refunded"): Promise<void> {
  const item = await db.orderItem.findUnique({ where: { id: itemId }, include: { order: true, hold: true, product: { select: { registryOperator: true } } } });
  if (!item) throw new AppError("NOT_FOUND");
  if (item.state === "refunded") return;
  if (item.state !== "failed" && item.state !== "completed") throw new AppError("CONFLICT", "Only failed or completed items can be refunded.");
  const payment = await registrantPayment(db, item.orderId);
  if (payment && item.retailAmount > 0) {
    await paymentProvider().refund({ providerRef: payment.providerRef, paymentIntent: payment.paymentIntent, amount: item.retailAmount, idempotencyKey: `refund:${itemId}` });
  }
  const currency = item.order.currency;
  await db.$transaction(async (tx: Tx) => {
    const lines: EntryLine[] = [];
    if (item.state === "completed" && item.hold?.status === "captured" && item.hold.amount > 0) {
      lines.push(
        { account: resellerAccount("registrar_revenue", item.resellerId, currency), amount: -item.hold.amount },
        { account: resellerAccount("reseller_available", item.resellerId, currency), amount: item.hold.amount },
      );
      if (item.registryCost > 0) {
        const operator = item.product.registryOperator ?? "registrar";
        lines.push(
          { account: registryAccount("registry_payable", operator, item.registryCurrency), amount: -item.registryCost },
          { account: registryAccount("registry_cost", operator, item.registryCurrency), amount: item.registryCost },
        );
      }
    }
    if (payment && item.retailAmount > 0) {
      // Before fulfilment the registrant's money still sits in registrant funds; after, in available.
      const from = item.state === "completed" ? "reseller_available" : "registrant_funds";
      lines.push(
        { account: resellerAccount(from, item.resellerId, currency), amount: -item.retailAmount },
        { account: resellerAccount("refunds_paid", item.resellerId, currency), amount: item.retailAmount },
      );
    }
    if (lines.length) {
      await postEntry(tx, { key: `refund:${itemId}`, kind: "refund", memo: `Refund: ${item.subject}`, resellerId: item.resellerId, orderId: item.orderId, lines });
    }
    await transitionItem(tx, itemId, "refunded", reason);
  });
}

export async function refundFailedItems(itemIds: string[]): Promise<void> {
  for (const id of itemIds) await refundItem(id, "payment received but the item could not be fulfilled");
}
