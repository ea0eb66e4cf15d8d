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
  const ids = [
    resellerAccount("reseller_available", resellerId, reseller.currency).id,
    resellerAccount("reseller_held", resellerId, reseller.currency).id,
  ];
  const rows = await tx.ledgerAccount.findMany({ where: { id: { in: ids } }, select: { id: true, balance: true } });
  const of = (id: string) => Number(rows.find((r) => r.id === id)?.balance ?? 0);
  const available = of(ids[0]);
  const creditLimit = billing?.creditLimit ?? 0;
  return {
    resellerId,
    currency: reseller.currency,
    available,
    held: of(ids[1]),
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
