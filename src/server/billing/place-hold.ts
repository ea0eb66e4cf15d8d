/**
 * Holds an order item's wholesale cost against the reseller's available balance: the amount moves
 * from "available" to "held" in the ledger, refused when available plus credit limit would go below
 * zero. Idempotent per order item.
 */
import type { Tx } from "@/server/db";
import { resellerAccount } from "./accounts";
import { postEntry } from "./post-entry";

export type HoldInput = { resellerId: string; orderItemId: string; orderId: string; amount: number; currency: string };

export async function placeHold(tx: Tx, input: HoldInput): Promise<{ created: boolean }> {
  const { resellerId, currency, amount } = input;
  if (amount > 0) {
    const posted = await postEntry(tx, {
      key: `hold:${input.orderItemId}`,
      kind: "hold",
      memo: "Held for an order",
      resellerId,
      orderId: input.orderId,
      lines: [
        { account: resellerAccount("reseller_available", resellerId, currency), amount: -amount },
        { account: resellerAccount("reseller_held", resellerId, currency), amount },
      ],
    });
    if (!posted.created) return { created: false };
  }
  const rows = await tx.$executeRaw`
    insert into "Hold" (id, "resellerId", "orderItemId", currency, amount, status, "createdAt")
    values (gen_random_uuid()::text, ${resellerId}, ${input.orderItemId}, ${currency}, ${amount}, 'held', ${new Date()})
    on conflict ("orderItemId") do nothing`;
  return { created: rows === 1 };
}
