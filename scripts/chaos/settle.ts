/**
 * "Settled": no item is paid, queued, provisioning, waiting for the registry or mid-refund, and no
 * job carrying an item id (fulfilment, renewal retries) is waiting, retrying or running for an item
 * that has not finished. Jobs left over for finished items (a killed worker's job that has yet to
 * expire, a retry that another attempt overtook) can change nothing and are only counted. Read
 * straight from the tables, so it holds whatever the engine's job names become.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "../../src/server/db";

export const MOVING_STATES = ["paid", "queued", "provisioning", "pending_registry", "refunding"] as const;
export const FINAL_STATES = ["completed", "failed", "refunded", "parked"] as const;
const DONE = ["completed", "refunded", "parked"];

export async function itemStates(): Promise<Record<string, number>> {
  const rows = await db.$queryRawUnsafe<{ state: string; n: bigint }[]>(
    `select state::text as state, count(*) as n from "OrderItem" group by 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

/** Unfinished jobs that carry an item id, split by whether their item is done. */
export async function itemJobs(): Promise<{ live: number; leftover: Record<string, number> }> {
  const rows = await db.$queryRawUnsafe<{ state: string; done: boolean; n: bigint }[]>(
    `select j.state::text as state, coalesce(i.state::text = any($1::text[]), false) as done, count(*) as n
     from pgboss.job j left join "OrderItem" i on i.id = j.data->>'itemId'
     where j.state in ('created', 'retry', 'active') and j.data->>'itemId' is not null group by 1, 2`,
    DONE,
  );
  const leftover: Record<string, number> = {};
  let live = 0;
  for (const r of rows) {
    if (r.done) leftover[r.state] = (leftover[r.state] ?? 0) + Number(r.n);
    else live += Number(r.n);
  }
  return { live, leftover };
}

export type SettleState = {
  settled: boolean;
  moving: number;
  liveJobs: number;
  leftoverJobs: Record<string, number>;
  states: Record<string, number>;
};

export async function settleState(): Promise<SettleState> {
  const [states, jobs] = await Promise.all([itemStates(), itemJobs()]);
  const moving = MOVING_STATES.reduce((s, k) => s + (states[k] ?? 0), 0);
  return { settled: moving === 0 && jobs.live === 0, moving, liveJobs: jobs.live, leftoverJobs: jobs.leftover, states };
}

/** Waits until settled (and `ready()` says the run's own events are over), or until the deadline. */
export async function waitForSettle(opts: {
  deadline: number;
  ready: () => boolean;
  onTick?: (s: SettleState) => void;
}): Promise<SettleState> {
  let last = await settleState();
  // Two readings in a row, a little apart: a job can be between "failed" and its retry row.
  let quietReadings = 0;
  while (Date.now() < opts.deadline) {
    last = await settleState().catch(() => last);
    opts.onTick?.(last);
    quietReadings = last.settled && opts.ready() ? quietReadings + 1 : 0;
    if (quietReadings >= 2) return last;
    await sleep(1_000);
  }
  return last;
}
