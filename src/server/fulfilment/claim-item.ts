/**
 * Claims an order item for one runner: a fenced lease (a fresh token that the settle step checks)
 * and a FulfilmentAttempt row. The claim also marks the run uncertain before any command can be
 * sent, so a runner killed mid-command leaves a run the next runner treats as "ask the registry
 * first"; the previous value is what this attempt's provisioner is told. Each claim is one statement
 * on the raw pool (docs/decisions/102-engine-on-raw-sql.md).
 */
import { randomUUID } from "node:crypto";
import { sqlPool } from "@/server/db";
import { allowedFrom } from "@/server/orders/item-states";
import type { ProvisionItem } from "../orders/provisioner";

export type DispatchMode = "job" | "inline";

export type Claim = { token: string; attempt: number; wasUncertain: boolean; startedAt: Date; mode: DispatchMode };

type ClaimRow = { attempts: number; was_uncertain: boolean; startedAt: Date };

// The lease is taken, whether the last attempt left the outcome unknown is remembered (`old` is read
// and locked before the update), and the attempt is numbered over the item's whole life (a person's
// retry starts a new budget, not a new history).
const CLAIM = `
  with run as (
    update "FulfilmentRun" r
    set "leasedUntil" = now() + make_interval(secs => $2::float8), "leaseToken" = $3,
        attempts = r.attempts + 1, uncertain = true, "updatedAt" = now()
    from (select uncertain from "FulfilmentRun" where "itemId" = $1 for update) old
    where r."itemId" = $1 and r."finishedAt" is null and (r."leasedUntil" is null or r."leasedUntil" < now())
    returning r.attempts, old.uncertain as was_uncertain, r."startedAt"
  ),
  attempt as (
    insert into "FulfilmentAttempt" ("itemId", attempt, "leaseToken", mode)
    select $1, coalesce((select max(attempt) from "FulfilmentAttempt" where "itemId" = $1), 0) + 1, $3, $4
    from run
  )
  select attempts, was_uncertain, "startedAt" at time zone 'UTC' as "startedAt" from run`;

// A paid item's first claim: paid → provisioning with its history row, the run row created already
// leased, and the attempt, in one statement. A run row that exists already (older data) is left
// alone here and claimed by CLAIM, as the item is provisioning by then.
const CLAIM_PAID = `
  with old as (select state from "OrderItem" where id = $1 for update),
  moved as (
    update "OrderItem" i set state = 'provisioning', "updatedAt" = now()
    from old where i.id = $1 and old.state::text = any($5::text[])
    returning old.state
  ),
  history as (
    insert into "OrderItemTransition" ("itemId", "fromState", "toState", reason)
    select $1, state, 'provisioning', 'fulfilment started' from moved
  ),
  run as (
    insert into "FulfilmentRun" ("itemId", attempts, uncertain, "leasedUntil", "leaseToken", "updatedAt")
    select $1, 1, true, now() + make_interval(secs => $2::float8), $3, now() from moved
    on conflict ("itemId") do nothing
    returning attempts, false as was_uncertain, "startedAt"
  ),
  attempt as (
    insert into "FulfilmentAttempt" ("itemId", attempt, "leaseToken", mode)
    select $1, coalesce((select max(attempt) from "FulfilmentAttempt" where "itemId" = $1), 0) + 1, $3, $4
    from run
  )
  select (select count(*)::int from moved) as moved, attempts, was_uncertain,
    "startedAt" at time zone 'UTC' as "startedAt"
  from (select 1) one left join run on true`;

const PROVISIONING_FROM = allowedFrom("provisioning");

export async function claimItem(item: ProvisionItem, mode: DispatchMode, leaseMs: number): Promise<Claim | null> {
  const token = randomUUID();
  const pool = sqlPool();
  const args = [item.id, leaseMs / 1000, token, mode];
  let row: ClaimRow | undefined;
  if (item.state === "paid") {
    const { rows } = await pool.query<ClaimRow & { moved: number }>({
      name: "engine_claim_paid",
      text: CLAIM_PAID,
      values: [...args, PROVISIONING_FROM],
    });
    // Not moved: another runner moved it first, or it is no longer paid; either way it is not ours yet.
    if (!rows[0].moved) return null;
    if (rows[0].attempts !== null) row = rows[0];
  }
  if (!row) {
    let { rows } = await pool.query<ClaimRow>({ name: "engine_claim", text: CLAIM, values: args });
    // A provisioning item without a run row (older data) gets one, then the claim.
    if (!rows.length && item.state !== "paid") {
      const created = await pool.query(
        `insert into "FulfilmentRun" ("itemId", "updatedAt") values ($1, now()) on conflict do nothing`,
        [item.id],
      );
      if (created.rowCount) ({ rows } = await pool.query<ClaimRow>(CLAIM, args));
    }
    row = rows[0];
  }
  if (!row) return null;
  return { token, attempt: row.attempts, wasUncertain: row.was_uncertain, startedAt: row.startedAt, mode };
}
