/**
 * Proves the ledger consistent: every entry balances per currency, every line's currency is its
 * account's, running (cached) balances equal the sums of their lines and summed accounts store none,
 * held amounts (the lines of each held account) equal open holds, and holds agree with their orders
 * (none older than its order, none still held on a finished item).
 * `npm run ledger:verify` and the registrar console's ledger page both run this.
 */
import type { Tx } from "@/server/db";

export type LedgerFault = { check: string; detail: string };
export type LedgerReport = {
  ok: boolean;
  counts: { entries: number; lines: number; accounts: number; holds: number };
  faults: LedgerFault[];
};

const LIMIT = 100;

export async function verifyLedger(tx: Tx): Promise<LedgerReport> {
  const faults: LedgerFault[] = [];
  const add = (check: string, rows: Record<string, unknown>[], describe: (r: Record<string, unknown>) => string) => {
    for (const r of rows) faults.push({ check, detail: describe(r) });
  };

  add(
    "entry balances",
    await tx.$queryRaw`
      select "entryId", currency, sum(amount)::text as off from "JournalLine"
      group by "entryId", currency having sum(amount) <> 0 limit ${LIMIT}`,
    (r) => `entry ${r.entryId} is off by ${r.off} ${r.currency}`,
  );
  add(
    "entry has lines",
    await tx.$queryRaw`
      select e.id, e.key from "JournalEntry" e where not exists (select 1 from "JournalLine" l where l."entryId" = e.id) limit ${LIMIT}`,
    (r) => `entry ${r.id} (${r.key}) has no lines`,
  );
  add(
    "line currency",
    await tx.$queryRaw`
      select l.id::text, l.currency, a.currency as "accountCurrency", a.id as account from "JournalLine" l
      join "LedgerAccount" a on a.id = l."accountId" where a.currency <> l.currency limit ${LIMIT}`,
    (r) => `line ${r.id} is in ${r.currency} but account ${r.account} is in ${r.accountCurrency}`,
  );
  add(
    "cached balance",
    await tx.$queryRaw`
      select a.id, a.cached, a.balance::text as stored, coalesce(s.total, 0)::text as summed from "LedgerAccount" a
      left join (select "accountId", sum(amount) as total from "JournalLine" group by "accountId") s on s."accountId" = a.id
      where a.balance <> case when a.cached then coalesce(s.total, 0) else 0 end limit ${LIMIT}`,
    (r) =>
      r.cached
        ? `account ${r.id} caches ${r.stored} but its lines sum to ${r.summed}`
        : `account ${r.id} is summed from its lines (${r.summed}) but stores a balance of ${r.stored}`,
  );
  add(
    "held equals open holds",
    await tx.$queryRaw`
      select a.id, coalesce((select sum(l.amount) from "JournalLine" l where l."accountId" = a.id), 0)::text as held,
             coalesce(h.total, 0)::text as open
      from "LedgerAccount" a
      left join (select "resellerId", currency, sum(amount) as total from "Hold" where status = 'held' group by 1, 2) h
        on h."resellerId" = a."resellerId" and h.currency = a.currency
      where a.kind = 'reseller_held'
        and coalesce((select sum(l.amount) from "JournalLine" l where l."accountId" = a.id), 0) <> coalesce(h.total, 0)
      limit ${LIMIT}`,
    (r) => `account ${r.id} holds ${r.held} but open holds total ${r.open}`,
  );
  add(
    "hold older than its order",
    await tx.$queryRaw`
      select h.id, h."createdAt", o."createdAt" as "orderCreatedAt" from "Hold" h
      join "OrderItem" i on i.id = h."orderItemId" join "Order" o on o.id = i."orderId"
      where h."createdAt" < o."createdAt" limit ${LIMIT}`,
    (r) => `hold ${r.id} was created before its order`,
  );
  add(
    "hold agrees with its item",
    await tx.$queryRaw`
      select h.id, h.status::text as status, i.state::text as state from "Hold" h join "OrderItem" i on i.id = h."orderItemId"
      where (h.status = 'held' and i.state in ('completed', 'failed', 'refunding', 'refunded'))
         or (h.status = 'captured' and i.state not in ('completed', 'refunding', 'refunded'))
         or (h.status = 'released' and i.state not in ('failed', 'refunding', 'refunded'))
      limit ${LIMIT}`,
    (r) => `hold ${r.id} is ${r.status} but its order item is ${r.state}`,
  );

  const [counts] = await tx.$queryRaw<{ entries: bigint; lines: bigint; accounts: bigint; holds: bigint }[]>`
    select (select count(*) from "JournalEntry") as entries, (select count(*) from "JournalLine") as lines,
           (select count(*) from "LedgerAccount") as accounts, (select count(*) from "Hold") as holds`;
  return {
    ok: faults.length === 0,
    counts: {
      entries: Number(counts.entries),
      lines: Number(counts.lines),
      accounts: Number(counts.accounts),
      holds: Number(counts.holds),
    },
    faults,
  };
}
