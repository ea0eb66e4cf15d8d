/**
 * The start of a group settle (decision 129): several completed items' runs and attempts finished
 * under their lease tokens, the items moved to completed with their history rows, and what the money
 * needs read back, in one statement. It answers only when every item was still its runner's and
 * could complete; otherwise null, and the caller rolls back and settles each item on its own
 * (`finishRunAndMove` then says which one lost its lease or could not move, as it always has).
 */
import type { Tx } from "@/server/db";
import { allowedFrom } from "@/server/orders/item-states";
import type { Moved } from "./finish-and-move";

type Row = {
  item: string;
  ran: boolean;
  previous: string | null;
  hold_reseller: string | null;
  hold_amount: number | null;
  hold_currency: string | null;
  hold_status: string | null;
  paid: boolean;
};

// The items are locked in id order, so two group settles never wait for each other in a cycle.
const FINISH_MANY = `
  with input as (select * from unnest($1::text[], $2::text[], $3::text[]) as x(item, ord, token)),
  run as (
    update "FulfilmentRun" r set "finishedAt" = now(), "leasedUntil" = null, uncertain = false,
      "lastError" = null, "updatedAt" = now()
    from input x
    where r."itemId" = x.item and r."leaseToken" = x.token
    returning r."itemId"
  ),
  attempt as (
    update "FulfilmentAttempt" a set outcome = 'completed', "finishedAt" = now(), uncertain = false, error = null
    from input x join run on run."itemId" = x.item
    where a."itemId" = x.item and a."leaseToken" = x.token
  ),
  old as (
    select i.id, i.state from "OrderItem" i join run on run."itemId" = i.id order by i.id for update of i
  ),
  moved as (
    update "OrderItem" i set state = 'completed', "updatedAt" = now()
    from old
    where i.id = old.id and old.state::text = any($4::text[])
    returning i.id, old.state
  ),
  history as (
    insert into "OrderItemTransition" ("itemId", "fromState", "toState", reason)
    select id, state, 'completed', 'registry confirmed' from moved
  )
  select x.item, (run."itemId" is not null) as ran, moved.state::text as previous,
    h."resellerId" as hold_reseller, h.amount as hold_amount, h.currency as hold_currency,
    h.status::text as hold_status,
    exists (select 1 from "Payment" p where p."orderId" = x.ord and p.purpose = 'order'
      and p.status = 'succeeded') as paid
  from input x
    left join run on run."itemId" = x.item
    left join moved on moved.id = x.item
    left join "Hold" h on h."orderItemId" = x.item`;

const COMPLETED_FROM = allowedFrom("completed");

export async function finishManyCompleted(
  tx: Tx,
  items: { id: string; orderId: string; token: string }[],
): Promise<Map<string, Moved> | null> {
  const rows = await tx.$queryRawUnsafe<Row[]>(
    FINISH_MANY,
    items.map((i) => i.id),
    items.map((i) => i.orderId),
    items.map((i) => i.token),
    COMPLETED_FROM,
  );
  if (rows.length !== items.length || rows.some((r) => !r.ran || !r.previous)) return null;
  return new Map(
    rows.map((r) => [
      r.item,
      {
        hold: r.hold_reseller
          ? {
              resellerId: r.hold_reseller,
              amount: Number(r.hold_amount),
              currency: r.hold_currency as string,
              status: r.hold_status as string,
            }
          : null,
        paidByRegistrant: r.paid,
      },
    ]),
  );
}
