/**
 * Claims an order item for one runner: a fenced lease (a fresh token that the settle step checks)
 * and a FulfilmentAttempt row. The claim also marks the run uncertain before any command can be
 * sent, so a runner killed mid-command leaves a run the next runner treats as "ask the registry
 * first"; the previous value is what this attempt's provisioner is told.
 */
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/server/db";
import { startProvisioning } from "@/server/orders/complete-item";
import type { ProvisionItem } from "../orders/provisioner";

export type DispatchMode = "job" | "inline";

export type Claim = { token: string; attempt: number; wasUncertain: boolean; startedAt: Date; mode: DispatchMode };

export async function claimItem(item: ProvisionItem, mode: DispatchMode, leaseMs: number): Promise<Claim | null> {
  const token = randomUUID();
  // One statement takes the lease, remembers whether the last attempt left the outcome unknown (`old`
  // is read and locked before the update), and numbers this attempt over the item's whole life (a
  // person's retry starts a new budget, not a new history).
  const claim = (tx: Tx) => tx.$queryRaw<{ attempts: number; was_uncertain: boolean; startedAt: Date }[]>`
    with run as (
      update "FulfilmentRun" r
      set "leasedUntil" = now() + make_interval(secs => ${leaseMs / 1000}), "leaseToken" = ${token},
          attempts = r.attempts + 1, uncertain = true, "updatedAt" = now()
      from (select uncertain from "FulfilmentRun" where "itemId" = ${item.id} for update) old
      where r."itemId" = ${item.id} and r."finishedAt" is null and (r."leasedUntil" is null or r."leasedUntil" < now())
      returning r.attempts, old.uncertain as was_uncertain, r."startedAt"
    ),
    attempt as (
      insert into "FulfilmentAttempt" ("itemId", attempt, "leaseToken", mode)
      select ${item.id}, coalesce((select max(attempt) from "FulfilmentAttempt" where "itemId" = ${item.id}), 0) + 1,
        ${token}, ${mode}
      from run
    )
    select attempts, was_uncertain, "startedAt" from run`;
  const createRun = (tx: Tx) =>
    tx.$executeRaw`insert into "FulfilmentRun" ("itemId", "updatedAt") values (${item.id}, now()) on conflict do nothing`;
  // A paid item moves to provisioning, and gets its run row, in the same transaction as its first
  // claim; later claims are one statement.
  let rows =
    item.state === "paid"
      ? await db.$transaction(async (tx) => {
          await startProvisioning(tx, item.id);
          await createRun(tx);
          return claim(tx);
        })
      : await claim(db);
  if (!rows.length && item.state !== "paid" && (await createRun(db)) > 0) rows = await claim(db);
  const row = rows[0];
  if (!row) return null;
  return { token, attempt: row.attempts, wasUncertain: row.was_uncertain, startedAt: row.startedAt, mode };
}
