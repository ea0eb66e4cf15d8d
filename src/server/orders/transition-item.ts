/** Moves one order item to a new state with a conditional update, so a racing second move fails cleanly. */
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { OrderItemState } from "@/generated/prisma/enums";
import { allowedFrom } from "./item-states";

export async function transitionItem(tx: Tx, itemId: string, to: OrderItemState, reason = ""): Promise<OrderItemState> {
  const from = allowedFrom(to);
  const rows = await tx.$queryRaw<{ state: OrderItemState }[]>`
    with old as (select state from "OrderItem" where id = ${itemId} for update)
    update "OrderItem" i set state = ${to}::"OrderItemState", "updatedAt" = now(),
      "failureReason" = case when ${to}::text = 'failed' then ${reason} else i."failureReason" end
    from old
    where i.id = ${itemId} and old.state::text = any(${from}::text[])
    returning old.state`;
  const previous = rows[0]?.state;
  if (!previous) {
    const item = await tx.orderItem.findUnique({ where: { id: itemId }, select: { state: true } });
    if (!item) throw new AppError("NOT_FOUND");
    throw new AppError(
      "CONFLICT",
      `This item is ${item.state.replace("_", " ")} and cannot become ${to.replace("_", " ")}.`,
    );
  }
  await tx.orderItemTransition.create({ data: { itemId, fromState: previous, toState: to, reason } });
  return previous;
}
