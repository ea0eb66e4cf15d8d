/**
 * Claims an order item for one runner: a fenced lease (a fresh token that the settle step checks)
 * and a FulfilmentAttempt row. The claim also marks the run uncertain before any command can be
 * sent, so a runner killed mid-command leaves a run the next runner treats as "ask the registry
 * first"; the previous value is what this attempt's provisioner is told.
 */
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { startProvisioning } from "@/server/orders/complete-item";
import type { ProvisionItem } from "../orders/provisioner";

export type DispatchMode = "job" | "inline";

export type Claim = { token: string; attempt: number; wasUncertain: boolean; startedAt: Date; mode: DispatchMode };

export async function claimItem(item: ProvisionItem, mode: DispatchMode, leaseMs: number): Promise<Claim | null> {
  return db.$transaction(async (tx) => {
    if (item.state === "paid") await startProvisioning(tx, item.id);
    const token = randomUUID();
    await tx.$executeRaw`insert into "FulfilmentRun" ("itemId", "updatedAt") values (${item.id}, now()) on conflict do nothing`;
    const rows = await tx.$queryRaw<{ attempts: number; was_uncertain: boolean; startedAt: Date }[]>`
      update "FulfilmentRun" r
      set "leasedUntil" = now() + make_interval(secs => ${leaseMs / 1000}), "leaseToken" = ${token},
          attempts = r.attempts + 1, uncertain = true, "updatedAt" = now()
      from (select uncertain from "FulfilmentRun" where "itemId" = ${item.id} for update) old
      where r."itemId" = ${item.id} and r."finishedAt" is null and (r."leasedUntil" is null or r."leasedUntil" < now())
      returning r.attempts, old.uncertain as was_uncertain, r."startedAt"`;
    const row = rows[0];
    if (!row) return null;
    // Numbered over the item's whole life: a person's retry starts a new budget, not a new history.
    await tx.$executeRaw`
      insert into "FulfilmentAttempt" ("itemId", attempt, "leaseToken", mode)
      select ${item.id}, coalesce(max(attempt), 0) + 1, ${token}, ${mode} from "FulfilmentAttempt" where "itemId" = ${item.id}`;
    return { token, attempt: row.attempts, wasUncertain: row.was_uncertain, startedAt: row.startedAt, mode };
  });
}
