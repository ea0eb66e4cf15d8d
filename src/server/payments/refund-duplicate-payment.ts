/**
 * A second payment for an order that nothing is left to pay for (two checkouts both completed) goes
 * back whole, ledger first like an item refund (docs/decisions/067-ledger-first-refunds-and-checkout-matching.md):
 * the money is recorded as received and as refunded, and the payment marked `refunding` with the
 * reason, in the webhook's transaction; then the provider is asked, with a key derived from the
 * payment; then it is `refunded`. A provider failure leaves it `refunding` for the sweep to finish.
 */
import { db, type Tx } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { resellerAccount } from "@/server/billing/accounts";
import { postEntry } from "@/server/billing/post-entry";
import { sendRefund } from "./send-refund";

export async function beginDuplicateRefund(tx: Tx, paymentId: string, paymentIntent: string | null): Promise<boolean> {
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
  const paidBy = await tx.payment.findFirst({
    where: { orderId: payment.orderId, purpose: "order", status: "succeeded" },
    select: { id: true },
  });
  const note = paidBy
    ? `The order was already paid by payment ${paidBy.id}; this second payment is refunded in full.`
    : "The order had nothing left to pay for when this payment completed; it is refunded in full.";
  const claimed = await tx.payment.updateMany({
    where: { id: paymentId, status: "pending" },
    data: { status: "refunding", note, paymentIntent, completedAt: new Date() },
  });
  if (claimed.count === 0) return false;
  const { resellerId, currency, amount } = payment;
  const base = { resellerId, orderId: payment.orderId, actorId: payment.createdById };
  await postEntry(tx, {
    ...base,
    key: `payment:${paymentId}`,
    kind: "registrant_payment",
    memo: "Registrant payment (second for this order)",
    lines: [
      { account: resellerAccount("payments_received", resellerId, currency), amount: -amount },
      { account: resellerAccount("registrant_funds", resellerId, currency), amount },
    ],
  });
  await postEntry(tx, {
    ...base,
    key: `refund:payment:${paymentId}`,
    kind: "refund",
    memo: "Refund of a second payment for an order already paid",
    lines: [
      { account: resellerAccount("registrant_funds", resellerId, currency), amount: -amount },
      { account: resellerAccount("refunds_paid", resellerId, currency), amount },
    ],
  });
  await recordAudit(tx, systemContext(resellerId), {
    action: "payment.refund-duplicate",
    entity: "payment",
    entityId: paymentId,
    before: { status: "pending" },
    after: { status: "refunding", note },
  });
  return true;
}

export async function finishPaymentRefund(paymentId: string): Promise<void> {
  const payment = await db.payment.findUnique({ where: { id: paymentId } });
  if (payment?.status !== "refunding") return;
  await sendRefund(payment, payment.amount, `refund:payment:${paymentId}`);
  await db.payment.updateMany({ where: { id: paymentId, status: "refunding" }, data: { status: "refunded" } });
}

/** The sweep: finishes every whole-payment refund the provider has not yet confirmed. */
export async function finishPaymentRefunds(limit = 100): Promise<{ finished: number; failed: number }> {
  const open = await db.payment.findMany({
    where: { status: "refunding" },
    select: { id: true },
    orderBy: { completedAt: "asc" },
    take: limit,
  });
  let failed = 0;
  for (const p of open) {
    // One provider refusal must not stop the others; the next sweep tries it again.
    await finishPaymentRefund(p.id).catch(() => failed++);
  }
  return { finished: open.length - failed, failed };
}
