/** A reseller's balance as the consoles show it: available, held, credit limit and what it can spend. */
import { db, type Tx } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { resellerAccount } from "./accounts";
import { requireBillingReader } from "./guards";

export type BalanceView = {
  resellerId: string;
  currency: string;
  available: number;
  held: number;
  creditLimit: number;
  spendable: number;
  lowBalanceThreshold: number;
  lowBalanceWarned: boolean;
  tierName: string | null;
};

export async function readBalance(tx: Tx, resellerId: string): Promise<BalanceView> {
  const reseller = await tx.reseller.findUniqueOrThrow({ where: { id: resellerId }, select: { currency: true } });
  const billing = await tx.resellerBilling.findUnique({
    where: { resellerId },
    include: { tier: { select: { name: true } } },
  });
  // Held is not kept as a running balance: it is the sum of the open holds, which verifyLedger proves
  // equal to the held account's lines.
  const [row] = await tx.$queryRaw<{ available: bigint | null; held: bigint | null }[]>`
    select (select balance from "LedgerAccount" where id = ${resellerAccount("reseller_available", resellerId, reseller.currency).id}) as available,
           (select sum(amount) from "Hold" where "resellerId" = ${resellerId} and status = 'held' and currency = ${reseller.currency}) as held`;
  const available = Number(row?.available ?? 0);
  const creditLimit = billing?.creditLimit ?? 0;
  return {
    resellerId,
    currency: reseller.currency,
    available,
    held: Number(row?.held ?? 0),
    creditLimit,
    spendable: available + creditLimit,
    lowBalanceThreshold: billing?.lowBalanceThreshold ?? 0,
    lowBalanceWarned: Boolean(billing?.lowBalanceWarnedAt),
    tierName: billing?.tier.name ?? null,
  };
}

export async function getBalance(ctx: ActorContext, resellerId: string): Promise<BalanceView> {
  requireBillingReader(ctx, resellerId);
  return readBalance(db, resellerId);
}
