/**
 * What sunrise and landrush applications share before payment: the prefix their forms give the
 * registrant contact inputs, and the order an idempotency key placed already, looked up before a new
 * contact is saved for a repeated submission.
 */
import { db } from "@/server/db";
import { getOrderWithItems, type OrderWithItems } from "@/server/orders/get-order";

export { CONTACT_FIELD_PREFIX } from "@/lib/applicant-contact-fields";

export async function existingOrder(resellerId: string, idempotencyKey: string): Promise<OrderWithItems | null> {
  const found = await db.order.findUnique({
    where: { resellerId_idempotencyKey: { resellerId, idempotencyKey } },
    select: { id: true },
  });
  return found ? getOrderWithItems(db, found.id) : null;
}
