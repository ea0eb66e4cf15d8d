/**
 * A reseller's statement: every movement of its available balance (or held amounts) with the
 * running balance after it, filtered by date and kind, newest first. `streamStatementCsv` pages
 * through the same rows so an export of any size never sits in memory.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { csvRow } from "@/lib/csv";
import { toDecimalString } from "@/lib/money";
import { resellerAccount } from "./accounts";
import { requireBillingReader } from "./guards";

export type StatementFilter = { from?: Date; to?: Date; kind?: string; account?: "available" | "held" };
export type StatementLine = {
  lineId: string;
  at: Date;
  kind: string;
  memo: string;
  orderId: string | null;
  amount: number;
  balanceAfter: number;
  entryKey: string;
};

export const ENTRY_KINDS: Record<string, string> = {
  top_up: "Top-up",
  manual_credit: "Manual credit",
  manual_debit: "Manual debit",
  hold: "Hold for order",
  release: "Hold released",
  capture: "Order fulfilled",
  registrant_payment: "Registrant payment",
  registrant_payment_earned: "Sale to registrant",
  refund: "Refund",
};

async function accountOf(resellerId: string, which: StatementFilter["account"]) {
  const { currency } = await db.reseller.findUniqueOrThrow({ where: { id: resellerId }, select: { currency: true } });
  return {
    currency,
    account: resellerAccount(which === "held" ? "reseller_held" : "reseller_available", resellerId, currency),
  };
}

async function page(
  accountId: string,
  f: StatementFilter,
  beforeLineId: bigint | null,
  take: number,
): Promise<StatementLine[]> {
  const rows = await db.$queryRaw<
    {
      lineId: bigint;
      at: Date;
      kind: string;
      memo: string;
      orderId: string | null;
      amount: bigint;
      balanceAfter: bigint;
      entryKey: string;
    }[]
  >`
    select * from (
      select l.id as "lineId", e."createdAt" as at, e.kind, e.memo, e."orderId", l.amount, e.key as "entryKey",
             sum(l.amount) over (order by l.id) as "balanceAfter"
      from "JournalLine" l join "JournalEntry" e on e.id = l."entryId"
      where l."accountId" = ${accountId}) s
    where (${f.from ?? null}::timestamp is null or s.at >= ${f.from ?? null}::timestamp)
      and (${f.to ?? null}::timestamp is null or s.at < ${f.to ?? null}::timestamp)
      and (${f.kind ?? null}::text is null or s.kind = ${f.kind ?? null}::text)
      and (${beforeLineId}::bigint is null or s."lineId" < ${beforeLineId}::bigint)
    order by s."lineId" desc
    limit ${take}`;
  return rows.map((r) => ({
    ...r,
    lineId: String(r.lineId),
    amount: Number(r.amount),
    balanceAfter: Number(r.balanceAfter),
  }));
}

export async function listStatement(
  ctx: ActorContext,
  resellerId: string,
  f: StatementFilter,
  opts: { before?: string; take?: number } = {},
) {
  requireBillingReader(ctx, resellerId);
  const { currency, account } = await accountOf(resellerId, f.account);
  const take = Math.min(opts.take ?? 50, 200);
  const lines = await page(account.id, f, opts.before ? BigInt(opts.before) : null, take + 1);
  return { currency, lines: lines.slice(0, take), nextBefore: lines.length > take ? lines[take - 1].lineId : null };
}

export async function* streamStatementCsv(
  ctx: ActorContext,
  resellerId: string,
  f: StatementFilter,
): AsyncGenerator<string> {
  requireBillingReader(ctx, resellerId);
  const { currency, account } = await accountOf(resellerId, f.account);
  yield "date,kind,description,order,amount,balance_after,currency,reference\n";
  let before: bigint | null = null;
  for (;;) {
    const lines = await page(account.id, f, before, 500);
    for (const l of lines) {
      yield csvRow([
        l.at.toISOString(),
        ENTRY_KINDS[l.kind] ?? l.kind,
        l.memo,
        l.orderId ?? "",
        toDecimalString(l.amount, currency),
        toDecimalString(l.balanceAfter, currency),
        currency,
        l.entryKey,
      ]);
    }
    if (lines.length < 500) return;
    before = BigInt(lines[lines.length - 1].lineId);
  }
}

/** A calendar month (UTC) of the available balance: opening, closing, totals per kind. */
export async function monthlyStatement(ctx: ActorContext, resellerId: string, year: number, month: number) {
  requireBillingReader(ctx, resellerId);
  const { currency, account } = await accountOf(resellerId, "available");
  const from = new Date(Date.UTC(year, month - 1, 1));
  const to = new Date(Date.UTC(year, month, 1));
  const [totals] = await db.$queryRaw<{ opening: bigint | null; closing: bigint | null }[]>`
    select (select sum(l.amount) from "JournalLine" l join "JournalEntry" e on e.id = l."entryId" where l."accountId" = ${account.id} and e."createdAt" < ${from}) as opening,
           (select sum(l.amount) from "JournalLine" l join "JournalEntry" e on e.id = l."entryId" where l."accountId" = ${account.id} and e."createdAt" < ${to}) as closing`;
  const byKind = await db.$queryRaw<{ kind: string; total: bigint; count: bigint }[]>`
    select e.kind, sum(l.amount) as total, count(*) as count from "JournalLine" l join "JournalEntry" e on e.id = l."entryId"
    where l."accountId" = ${account.id} and e."createdAt" >= ${from} and e."createdAt" < ${to} group by e.kind order by e.kind`;
  return {
    currency,
    from,
    to,
    opening: Number(totals?.opening ?? 0),
    closing: Number(totals?.closing ?? 0),
    byKind: byKind.map((k) => ({
      kind: k.kind,
      label: ENTRY_KINDS[k.kind] ?? k.kind,
      total: Number(k.total),
      count: Number(k.count),
    })),
  };
}
