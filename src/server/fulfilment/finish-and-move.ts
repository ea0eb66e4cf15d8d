/**
 * The start of a settle, in one statement under the lease: the run and the attempt are finished
 * (fenced by the lease token), the item moves to its new state with its history row, and what the
 * money steps need comes back with it: the hold and whether a registrant paid for the order
 * (decision 102). Four to six statements before.
 */
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { OrderItemState } from "@/generated/prisma/enums";
import { allowedFrom } from "@/server/orders/item-states";
import { LeaseLost } from "./lease";

export type Moved = {
  hold: { resellerId: string; amount: number; currency: string; status: string } | null;
  /** A succeeded checkout payment paid for the order (the reseller holds the registrant's money). */
  paidByRegistrant: boolean;
};

type Row = {
  runs: number;
  previous: OrderItemState | null;
  state: OrderItemState | null;
  hold_reseller: string | null;
  hold_amount: number | null;
  hold_currency: string | null;
  hold_status: string | null;
  paid: boolean;
};

export async function finishRunAndMove(
  tx: Tx,
  item: { id: string; orderId: string },
  token: string,
  outcome: string,
  to: OrderItemState,
  reason: string,
): Promise<Moved> {
  const error = outcome === "failed" ? reason : null;
  const [row] = await tx.$queryRaw<Row[]>`
    with run as (
      update "FulfilmentRun" set "finishedAt" = now(), "leasedUntil" = null, uncertain = false,
        "lastError" = ${error}, "updatedAt" = now()
      where "itemId" = ${item.id} and "leaseToken" = ${token}
      returning 1
    ),
    attempt as (
      update "FulfilmentAttempt" set outcome = ${outcome}, "finishedAt" = now(), uncertain = false,
        error = ${error?.slice(0, 500) ?? null}
      where "itemId" = ${item.id} and "leaseToken" = ${token} and exists (select 1 from run)
    ),
    old as (select state from "OrderItem" where id = ${item.id} and exists (select 1 from run) for update),
    moved as (
      update "OrderItem" i set state = ${to}::"OrderItemState", "updatedAt" = now(),
        "failureReason" = case when ${to}::text = 'failed' then ${reason} else i."failureReason" end
      from old
      where i.id = ${item.id} and old.state::text = any(${allowedFrom(to)}::text[])
      returning old.state
    ),
    history as (
      insert into "OrderItemTransition" ("itemId", "fromState", "toState", reason)
      select ${item.id}, state, ${to}::"OrderItemState", ${reason} from moved
    )
    select (select count(*)::int from run) as runs,
      (select state::text from moved) as previous,
      (select state::text from old) as state,
      h."resellerId" as hold_reseller, h.amount as hold_amount, h.currency as hold_currency,
      h.status::text as hold_status,
      exists (select 1 from "Payment" p where p."orderId" = ${item.orderId} and p.purpose = 'order'
        and p.status = 'succeeded') as paid
    from (select 1) one left join "Hold" h on h."orderItemId" = ${item.id}`;
  if (!row.runs) throw new LeaseLost(item.id);
  if (!row.previous) {
    if (!row.state) throw new AppError("NOT_FOUND");
    throw new AppError(
      "CONFLICT",
      `This item is ${row.state.replace("_", " ")} and cannot become ${to.replace("_", " ")}.`,
    );
  }
  return {
    hold: row.hold_reseller
      ? {
          resellerId: row.hold_reseller,
          amount: Number(row.hold_amount),
          currency: row.hold_currency as string,
          status: row.hold_status as string,
        }
      : null,
    paidByRegistrant: row.paid,
  };
}
