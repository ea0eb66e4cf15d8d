/**
 * The checkout payment that paid for an order (so the reseller holds the registrant's money). Only a
 * succeeded one: a refunding or refunded payment is a second payment sent back whole.
 */
import type { Tx } from "@/server/db";

export async function registrantPayment(tx: Tx, orderId: string) {
  return tx.payment.findFirst({
    where: { orderId, purpose: "order", status: "succeeded" },
    orderBy: { createdAt: "asc" },
  });
}
