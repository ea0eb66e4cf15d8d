/**
 * Holds an order item's wholesale cost against the reseller's available balance: the amount moves
 * from "available" to "held" in the ledger and a Hold row records it, in one posting, refused when
 * available plus credit limit would go below zero. Idempotent per order item.
 */
import type { Tx } from "@/server/db";
import { resellerAccount } from "./accounts";
import { postEntry } from "./post-entry";

export type HoldInput = { resellerId: string; orderItemId: string; orderId: string; amount: number; currency: string };

export async function placeHold(tx: Tx, input: HoldInput): Promise<{ created: boolean }> {
  const { resellerId, currency, amount } = input;
  const now = new Date();
  if (amount === 0) {
    // Nothing to move (a free item): the hold still records that the item was paid for.
    const rows = await tx.$executeRaw`
      insert into "Hold" (id, "resellerId", "orderItemId", currency, amount, status, "createdAt")
      values (gen_random_uuid()::text, ${resellerId}, ${input.orderItemId}, ${currency}, 0, 'held', ${now})
      on conflict ("orderItemId") do nothing`;
    return { created: rows === 1 };
  }
  const posted = await postEntry(
    tx,
    {
      key: `hold:${input.orderItemId}`,
      kind: "hold",
      memo: "Held for an order",
      resellerId,
      orderId: input.orderId,
      lines: [
        { account: resellerAccount("reseller_available", resellerId, currency), amount: -amount },
        { account: resellerAccount("reseller_held", resellerId, currency), amount },
      ],
    },
    { hold: { op: "place", orderItemId: input.orderItemId, amount, currency, at: now } },
  );
  return { created: posted.created };
}
