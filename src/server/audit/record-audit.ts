/**
 * Appends to the tenant's audit chain (docs/decisions/070-audit-chains-per-tenant.md). Writers are
 * serialised per chain by a transaction-scoped advisory lock, so each entry links to exactly one
 * predecessor and two tenants never wait for each other. Call it inside the transaction that changes
 * the state it records, so the change and its record commit together.
 *
 * A transaction that settles several items at once (the engine's group commit, decision 129) may
 * collect its entries with `collectAuditIn` and append them together just before it commits: one
 * lock call and one insert for all, and the chains' locks held only for the end of the transaction.
 */
import type { Tx } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { appendEntries, type AuditInput, type PendingEntry } from "./append-entries";

export type { AuditInput } from "./append-entries";

const collected = new WeakMap<Tx, PendingEntry[]>();

export async function recordAudit(tx: Tx, ctx: ActorContext, input: AuditInput): Promise<void> {
  const pending = collected.get(tx);
  if (pending) pending.push({ ctx, input });
  else await appendEntries(tx, [{ ctx, input }]);
}

/** From now on `recordAudit(tx, …)` collects; `appendCollectedAudit(tx)` writes what was collected. */
export function collectAuditIn(tx: Tx): void {
  collected.set(tx, []);
}

export async function appendCollectedAudit(tx: Tx): Promise<void> {
  const pending = collected.get(tx) ?? [];
  collected.delete(tx);
  await appendEntries(tx, pending);
}
