/**
 * Ledger accounts are named by a deterministic id (`kind:scope:currency`), so posting needs no lookup
 * round trip and an account springs into existence the first time a line touches it.
 * Only a reseller's available balance keeps a running (cached) balance, because only it has a floor
 * to check under a row lock; every other balance is the sum of its lines, so no posting updates a row
 * that other orders also update (docs/decisions/075-ledger-posting-function.md).
 */
import type { LedgerAccountKind } from "@/generated/prisma/enums";

export type AccountRef = {
  id: string;
  kind: LedgerAccountKind;
  resellerId: string | null;
  currency: string;
  cached: boolean;
};

type ResellerKind = Exclude<LedgerAccountKind, "registry_cost" | "registry_payable">;

/** The one account kind with a running balance (the database function `ledger_post` applies the same rule). */
export const CACHED_KIND: LedgerAccountKind = "reseller_available";

export function resellerAccount(kind: ResellerKind, resellerId: string, currency: string): AccountRef {
  return { id: `${kind}:${resellerId}:${currency}`, kind, resellerId, currency, cached: kind === CACHED_KIND };
}

export function registryAccount(
  kind: "registry_cost" | "registry_payable",
  operator: string,
  currency: string,
): AccountRef {
  return { id: `${kind}:${operator}:${currency}`, kind, resellerId: null, currency, cached: false };
}

export const ACCOUNT_LABELS: Record<LedgerAccountKind, string> = {
  reseller_available: "Available balance",
  reseller_held: "Held for orders in progress",
  registrar_revenue: "Registrar revenue",
  registry_cost: "Registry cost",
  registry_payable: "Payable to registry",
  payments_received: "Payments received",
  registrant_funds: "Registrant payments awaiting fulfilment",
  refunds_paid: "Refunds paid",
  manual_adjustments: "Manual adjustments",
};
