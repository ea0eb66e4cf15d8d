/**
 * Any ledger account's balance: the running balance where the account keeps one (a reseller's
 * available balance), otherwise the sum of its lines (docs/decisions/075-ledger-posting-function.md).
 */
import type { Tx } from "@/server/db";

export async function accountBalance(tx: Tx, accountId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ balance: bigint | null }[]>`
    select case when a.cached then a.balance
                else (select coalesce(sum(l.amount), 0) from "JournalLine" l where l."accountId" = a.id) end as balance
    from "LedgerAccount" a where a.id = ${accountId}`;
  return Number(row?.balance ?? 0);
}
