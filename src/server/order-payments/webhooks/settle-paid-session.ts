/**
 * A session Stripe says is paid: the amount and currency must be what we asked for, or it is not
 * treated as payment (recorded as mismatched for a person to look at). A matching one confirms its
 * payment; if the order was already paid by another session, confirmPayment sends this one back.
 */
import type { Tx } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { confirmPayment } from "../confirm-payment";
import { NOTHING_TO_DO, paymentOf, type CheckoutSessionData, type WebhookOutcome } from "./session";

export async function settlePaidSession(tx: Tx, session: CheckoutSessionData): Promise<WebhookOutcome> {
  const payment = await paymentOf(tx, session);
  if (!payment) return NOTHING_TO_DO;
  const paymentIntent = session.payment_intent ?? null;
  const currency = session.currency?.toUpperCase() ?? null;
  if (session.amount_total !== payment.amount || currency !== payment.currency.toUpperCase()) {
    // Minor units as given: a currency we do not know must not stop the mismatch being recorded.
    const note = `Stripe reported ${session.amount_total ?? "no amount"} ${currency ?? "(no currency)"} for this session; we asked for ${payment.amount} ${payment.currency} (minor units). Not accepted as payment.`;
    const claimed = await tx.payment.updateMany({
      where: { id: payment.id, status: "pending" },
      data: { status: "mismatched", note, paymentIntent, completedAt: new Date() },
    });
    if (claimed.count) {
      await recordAudit(tx, systemContext(payment.resellerId), {
        action: "payment.mismatch",
        entity: "payment",
        entityId: payment.id,
        before: { amount: payment.amount, currency: payment.currency },
        after: { amount: session.amount_total ?? null, currency, sessionId: session.id, paymentIntent },
      });
    }
    return NOTHING_TO_DO;
  }
  const result = await confirmPayment(tx, payment.id, paymentIntent);
  return { failedItemIds: result.failedItemIds, refundPaymentIds: result.refunding ? [payment.id] : [] };
}
