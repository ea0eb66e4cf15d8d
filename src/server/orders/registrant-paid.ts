/** Whether the registrant paid for an order through checkout (so the reseller holds their money). */
import type { Tx } from "@/server/db";

export async function registrantPayment(tx: Tx, orderId: string) {
  return tx.payment.findFirst({ where: { orderId, purpose: "order", status: { in: ["succeeded", "refunded"] } }, orderBy: { createdAt: "asc" } });
}
