/**
 * Who may see and who may decide a parked item. Anyone who reads the reseller's console reads its
 * parked items (support staff and registrar auditors included); only the reseller's owners and admins
 * and registrar admins decide, because deciding moves money and may refund a customer.
 */
import { db, type Tx } from "@/server/db";
import { assertCanWrite, assertRole, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { assertResellerWritable, requireResellerReader } from "@/server/tenancy/guards";
import type { OrderItemKind, OrderItemState } from "@/generated/prisma/enums";
import { itemStateWords } from "./parked-words";

const DECIDERS = ["owner", "admin", "registrar_admin", "system"] as const;

export type ItemRef = { id: string; orderId: string; resellerId: string; kind: OrderItemKind; state: OrderItemState };

/** The item, for someone who may read its reseller's console; another tenant's item is "not found". */
export async function findReadableItem(ctx: ActorContext, itemId: string): Promise<ItemRef> {
  const item = await db.orderItem.findUnique({
    where: { id: itemId },
    select: { id: true, orderId: true, resellerId: true, kind: true, state: true },
  });
  if (!item) throw new AppError("NOT_FOUND");
  requireResellerReader(ctx, item.resellerId);
  return item;
}

/** Auditors are read-only; support and billing staff may look but not decide. */
export function requireDecider(ctx: ActorContext, resellerId: string): void {
  requireResellerReader(ctx, resellerId);
  assertCanWrite(ctx);
  assertRole(ctx, DECIDERS);
}

/**
 * Inside the deciding transaction: locks the item and refuses unless it is still parked. The state
 * machine alone would let "completed" or "provisioning" through from other states, so this is the check.
 */
export async function lockParkedItem(tx: Tx, ctx: ActorContext, item: ItemRef): Promise<void> {
  // A suspended reseller's own people only read; the registrar may still settle its items.
  if (ctx.kind === "user") await assertResellerWritable(tx, item.resellerId);
  const rows = await tx.$queryRaw<
    { state: OrderItemState }[]
  >`select state from "OrderItem" where id = ${item.id} for update`;
  const state = rows[0]?.state;
  if (!state) throw new AppError("NOT_FOUND");
  if (state !== "parked")
    throw new AppError(
      "CONFLICT",
      `This item is no longer waiting for a decision (now: ${itemStateWords(state)}). Reload the page to see what happened.`,
    );
}
