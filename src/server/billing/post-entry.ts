/**
 * The one function that writes to the ledger. An entry is a set of lines summing to zero per
 * currency (also enforced by a deferred constraint trigger), written once per idempotency key.
 * Cached balances of the accounts it touches are locked in id order (no deadlocks between postings)
 * and updated in the same statement that inserts the lines.
 *
 * A reseller's available balance may never fall below minus its credit limit: postings that would
 * take it there are refused with INSUFFICIENT_BALANCE, and because the row is locked first this holds
 * under any concurrency.
 */
import { randomUUID } from "node:crypto";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { AccountRef } from "./accounts";
import { noteAvailableBalance } from "./note-available-balance";

export type EntryLine = { account: AccountRef; amount: number };

export type EntryInput = {
  key: string;
  kind: string;
  memo?: string;
  resellerId?: string | null;
  orderId?: string | null;
  actorId?: string | null;
  lines: EntryLine[];
};

export type PostedEntry = { entryId: string; created: boolean };

type LockedRow = {
  id: string;
  kind: string;
  resellerId: string | null;
  balance: bigint | number | string;
  creditLimit: number | null;
  threshold: number | null;
  warnedAt: Date | null;
};

export function assertBalanced(lines: EntryLine[]): void {
  if (lines.length === 0) throw new AppError("INTERNAL", undefined, { cause: "journal entry without lines" });
  const sums = new Map<string, number>();
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amount)) throw new AppError("INTERNAL", undefined, { cause: `amount ${l.amount} is not an integer` });
    sums.set(l.account.currency, (sums.get(l.account.currency) ?? 0) + l.amount);
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0) throw new AppError("INTERNAL", undefined, { cause: `journal entry does not balance in ${currency} (off by ${sum})` });
  }
}

async function existingEntry(tx: Tx, key: string): Promise<string | null> {
  const found = await tx.journalEntry.findUnique({ where: { key }, select: { id: true } });
  return found?.id ?? null;
}

async function lockAccounts(tx: Tx, create: AccountRef[], cachedIds: string[]): Promise<LockedRow[]> {
  return tx.$queryRaw<LockedRow[]>`
    with ins as (
      insert into "LedgerAccount" (id, code, kind, "resellerId", currency, cached)
      select a.id, a.id, a.kind::"LedgerAccountKind", a.rid, a.cur, a.cached
      from unnest(${create.map((a) => a.id)}::text[], ${create.map((a) => a.kind)}::text[],
                  ${create.map((a) => a.resellerId)}::text[], ${create.map((a) => a.currency)}::text[],
                  ${create.map((a) => a.cached)}::bool[]) as a(id, kind, rid, cur, cached)
      on conflict (id) do nothing)
    select a.id, a.kind::text as kind, a."resellerId", a.balance, b."creditLimit", b."lowBalanceThreshold" as threshold,
           b."lowBalanceWarnedAt" as "warnedAt"
    from "LedgerAccount" a
    left join "ResellerBilling" b on a.kind = 'reseller_available' and b."resellerId" = a."resellerId"
    where a.id = any(${cachedIds}::text[]) and a.cached
    order by a.id
    for update of a`;
}

export async function postEntry(tx: Tx, input: EntryInput): Promise<PostedEntry> {
  assertBalanced(input.lines);
  const accounts = [...new Map(input.lines.map((l) => [l.account.id, l.account])).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const delta = new Map<string, number>();
  for (const l of input.lines) delta.set(l.account.id, (delta.get(l.account.id) ?? 0) + l.amount);

  const cachedIds = accounts.filter((a) => a.cached).map((a) => a.id);
  // Create missing accounts and lock the cached ones, in id order, in one round trip. Rows created by
  // this very statement are invisible to its select, so a first posting locks again.
  let locked = await lockAccounts(tx, accounts, cachedIds);
  if (locked.length < cachedIds.length) locked = await lockAccounts(tx, [], cachedIds);

  const availability: { row: LockedRow; after: number }[] = [];
  for (const row of locked) {
    if (row.kind !== "reseller_available") continue;
    const change = delta.get(row.id) ?? 0;
    const after = Number(row.balance) + change;
    if (change < 0 && after + (row.creditLimit ?? 0) < 0) {
      const prior = await existingEntry(tx, input.key);
      if (prior) return { entryId: prior, created: false };
      throw new AppError("INSUFFICIENT_BALANCE", "Insufficient balance: top up your account or ask for a higher credit limit.");
    }
    availability.push({ row, after });
  }

  const entryId = randomUUID();
  const inserted = await tx.$queryRaw<{ id: string | null }[]>`
    with e as (
      insert into "JournalEntry" (id, key, kind, memo, "resellerId", "orderId", "actorId")
      values (${entryId}, ${input.key}, ${input.kind}, ${input.memo ?? ""}, ${input.resellerId ?? null}, ${input.orderId ?? null}, ${input.actorId ?? null})
      on conflict (key) do nothing
      returning id),
    l as (
      insert into "JournalLine" ("entryId", "accountId", currency, amount)
      select e.id, x.aid, x.cur, x.amt
      from e, unnest(${input.lines.map((l) => l.account.id)}::text[], ${input.lines.map((l) => l.account.currency)}::text[],
                     ${input.lines.map((l) => l.amount)}::bigint[]) as x(aid, cur, amt)
      returning "accountId", amount),
    u as (
      update "LedgerAccount" t set balance = t.balance + s.total
      from (select "accountId", sum(amount) as total from l group by "accountId") s
      where t.id = s."accountId" and t.cached
      returning t.id)
    select (select id from e) as id, (select count(*) from u) as updated`;

  if (!inserted[0]?.id) {
    const prior = await existingEntry(tx, input.key);
    return { entryId: prior ?? entryId, created: false };
  }
  for (const a of availability) await noteAvailableBalance(tx, a.row, a.after);
  return { entryId, created: true };
}
