/**
 * What a failed item leaves behind besides its money: a kind whose record exists from the order on
 * (a TMCH mark "ordered") releases it here, whichever path failed the item (the engine's settle, a
 * refused hold at payment, a canceled payment). Runs in the transaction that fails the item.
 */
import type { Tx } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";
import type { OrderItemKind } from "@/generated/prisma/enums";
import { releaseOrderedMark } from "@/server/tmch/marks/release-ordered-mark";

type FailedItem = { kind: OrderItemKind; details: Prisma.JsonValue | null };

const RELEASES: Partial<Record<OrderItemKind, (tx: Tx, item: FailedItem, reason: string) => Promise<void>>> = {
  tmch_mark: releaseOrderedMark,
};

export async function releaseFailedItem(tx: Tx, item: FailedItem, reason: string): Promise<void> {
  await RELEASES[item.kind]?.(tx, item, reason);
}
