/**
 * The one function that writes to the ledger. An entry is a set of lines summing to zero per
 * currency (also enforced by a deferred constraint trigger), written once per idempotency key.
 *
 * Posting is ONE SQL statement (docs/decisions/041-ledger.md): it locks the cached accounts it
 * touches in id order (no deadlocks between postings), checks that no reseller's available balance
 * would fall below minus its credit limit, inserts the entry and its lines and updates the cached
 * balances. Because the rows are locked before the check, the floor holds under any concurrency;
 * because it is one statement, it is atomic even outside a transaction and costs one round trip.
 *
 * `gate` lets a caller make the posting conditional on a change of its own in the same statement
 * (settling a hold); `after` adds rows that exist only if the entry was written (a new hold).
 */
import { randomUUID } from "node:crypto";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { Prisma } from "@/generated/prisma/client";
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

export type PostOptions = {
  /** A data-modifying statement returning a row when the posting may go ahead; `cond` must be ANDed into its WHERE. */
  gate?: (cond: Prisma.Sql) => Prisma.Sql;
  /** A data-modifying statement run only when the entry was written; it may select from CTE `e` (the entry id). */
  after?: Prisma.Sql;
};

export type PostedEntry = { entryId: string; created: boolean; gated?: boolean };

type Result = {
  entryId: string | null;
  ok: boolean;
  n: bigint | number;
  gated: bigint | number | null;
  available: { id: string; resellerId: string; after: string; threshold: number | null; warnedAt: string | null }[];
};

export function assertBalanced(lines: EntryLine[]): void {
  if (lines.length === 0) throw new AppError("INTERNAL", undefined, { cause: "journal entry without lines" });
  const sums = new Map<string, number>();
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amount))
      throw new AppError("INTERNAL", undefined, { cause: `amount ${l.amount} is not an integer` });
    sums.set(l.account.currency, (sums.get(l.account.currency) ?? 0) + l.amount);
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0)
      throw new AppError("INTERNAL", undefined, {
        cause: `journal entry does not balance in ${currency} (off by ${sum})`,
      });
  }
}

async function existingEntry(tx: Tx, key: string): Promise<string | null> {
  const found = await tx.journalEntry.findUnique({ where: { key }, select: { id: true } });
  return found?.id ?? null;
}

async function ensureAccounts(tx: Tx, accounts: AccountRef[]): Promise<void> {
  await tx.ledgerAccount.createMany({
    data: accounts.map((a) => ({
      id: a.id,
      code: a.id,
      kind: a.kind,
      resellerId: a.resellerId,
      currency: a.currency,
      cached: a.cached,
    })),
    skipDuplicates: true,
  });
}

function statement(
  input: EntryInput,
  entryId: string,
  cachedIds: string[],
  shared: AccountRef[],
  opts: PostOptions,
): Prisma.Sql {
  const { lines } = input;
  const ready = Prisma.sql`(select ok and n = ${cachedIds.length} from chk)`;
  // Shared (uncached) accounts are created on first use in the same statement; the lines' foreign
  // keys are checked at its end, when these rows exist.
  const ins = shared.length
    ? Prisma.sql`ins as (
      insert into "LedgerAccount" (id, code, kind, "resellerId", currency, cached)
      select a.id, a.id, a.kind::"LedgerAccountKind", null, a.cur, false
      from unnest(${shared.map((a) => a.id)}::text[], ${shared.map((a) => a.kind)}::text[], ${shared.map((a) => a.currency)}::text[]) as a(id, kind, cur)
      on conflict (id) do nothing),`
    : Prisma.empty;
  return Prisma.sql`
    with ${ins} lk as (
      select a.id, a.kind::text as kind, a."resellerId", a.balance, b."creditLimit", b."lowBalanceThreshold" as threshold, b."lowBalanceWarnedAt" as "warnedAt"
      from "LedgerAccount" a
      left join "ResellerBilling" b on a.kind = 'reseller_available' and b."resellerId" = a."resellerId"
      where a.id = any(${cachedIds}::text[]) and a.cached
      order by a.id
      for update of a),
    d as (
      select x.aid, sum(x.amt) as delta from unnest(${lines.map((l) => l.account.id)}::text[], ${lines.map((l) => l.amount)}::bigint[]) as x(aid, amt) group by x.aid),
    chk as (
      select count(*) as n,
             coalesce(bool_and(not (lk.kind = 'reseller_available' and d.delta < 0 and lk.balance + d.delta + coalesce(lk."creditLimit", 0) < 0)), true) as ok
      from lk join d on d.aid = lk.id),
    ${opts.gate ? Prisma.sql`gate as (${opts.gate(ready)}),` : Prisma.empty}
    e as (
      insert into "JournalEntry" (id, key, kind, memo, "resellerId", "orderId", "actorId")
      select ${entryId}, ${input.key}, ${input.kind}, ${input.memo ?? ""}, ${input.resellerId ?? null}, ${input.orderId ?? null}, ${input.actorId ?? null}
      where ${ready} ${opts.gate ? Prisma.sql`and exists (select 1 from gate)` : Prisma.empty}
      on conflict (key) do nothing
      returning id),
    l as (
      insert into "JournalLine" ("entryId", "accountId", currency, amount)
      select e.id, x.aid, x.cur, x.amt
      from e, unnest(${lines.map((l) => l.account.id)}::text[], ${lines.map((l) => l.account.currency)}::text[], ${lines.map((l) => l.amount)}::bigint[]) as x(aid, cur, amt)
      returning "accountId", amount),
    u as (
      update "LedgerAccount" t set balance = t.balance + s.total
      from (select "accountId", sum(amount) as total from l group by "accountId") s
      where t.id = s."accountId" and t.cached
      returning t.id)
    ${opts.after ? Prisma.sql`, post as (${opts.after})` : Prisma.empty}
    select (select id from e) as "entryId", (select ok from chk) as ok, (select n from chk) as n,
           ${opts.gate ? Prisma.sql`(select count(*) from gate)` : Prisma.sql`null::bigint`} as gated,
           coalesce((select json_agg(json_build_object('id', lk.id, 'resellerId', lk."resellerId", 'after', (lk.balance + d.delta)::text,
                     'threshold', lk.threshold, 'warnedAt', lk."warnedAt"))
                     from lk join d on d.aid = lk.id where lk.kind = 'reseller_available'), '[]'::json) as available`;
}

export async function postEntry(tx: Tx, input: EntryInput, opts: PostOptions = {}): Promise<PostedEntry> {
  assertBalanced(input.lines);
  const accounts = [...new Map(input.lines.map((l) => [l.account.id, l.account])).values()];
  const cachedIds = accounts
    .filter((a) => a.cached)
    .map((a) => a.id)
    .sort();
  const entryId = randomUUID();
  const shared = accounts.filter((a) => !a.cached);
  let [r] = await tx.$queryRaw<Result[]>(statement(input, entryId, cachedIds, shared, opts));
  if (!r.entryId && Number(r.n) < cachedIds.length) {
    // First posting to a reseller account that was never opened: create it and try again.
    await ensureAccounts(tx, accounts);
    [r] = await tx.$queryRaw<Result[]>(statement(input, entryId, cachedIds, shared, opts));
  }
  if (r.entryId) {
    for (const a of r.available) {
      await noteAvailableBalance(
        tx,
        { resellerId: a.resellerId, threshold: a.threshold, warnedAt: a.warnedAt ? new Date(a.warnedAt) : null },
        Number(a.after),
      );
    }
    return { entryId: r.entryId, created: true };
  }
  if (opts.gate && r.ok && Number(r.gated) === 0) return { entryId: "", created: false, gated: false };
  const prior = await existingEntry(tx, input.key);
  if (prior) return { entryId: prior, created: false };
  if (!r.ok)
    throw new AppError(
      "INSUFFICIENT_BALANCE",
      "Insufficient balance: top up your account or ask for a higher credit limit.",
    );
  throw new AppError("INTERNAL", undefined, { cause: `journal entry ${input.key} was not written` });
}
