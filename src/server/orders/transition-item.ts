/** Moves one order item to a new state with a conditional update, so a racing second move fails cleanly. */
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { OrderItemState } from "@/generated/prisma/enums";
import { allowedFrom } from "./item-states";

export async function transitionItem(tx: Tx, itemId: string, to: OrderItemState, reason = ""): Promise<OrderItemState> {
  const from = allowedFrom(to);
  // One statement: the move and its history row (the row is written only when the move happened).
  const rows = await tx.$queryRaw<{ state: OrderItemState }[]>`
    with old as (select state from "OrderItem" where id = ${itemId} for update),
    moved as (
      update "OrderItem" i set state = ${to}::"OrderItemState", "updatedAt" = now(),
        "failureReason" = case when ${to}::text = 'failed' then ${reason} else i."failureReason" end
      from old
      where i.id = ${itemId} and old.state::text = any(${from}::text[])
      returning old.state
    ),
    history as (
      insert into "OrderItemTransition" ("itemId", "fromState", "toState", reason)
      select ${itemId}, state, ${to}::"OrderItemState", ${reason} from moved
    )
    select state from moved`;
  const previous = rows[0]?.state;
  if (!previous) {
    const item = await tx.orderItem.findUnique({ where: { id: itemId }, select: { state: true } });
    if (!item) throw new AppError("NOT_FOUND");
    throw new AppError(
      "CONFLICT",
      `This item is ${item.state.replace("_", " ")} and cannot become ${to.replace("_", " ")}.`,
    );
  }
  return previous;
}
