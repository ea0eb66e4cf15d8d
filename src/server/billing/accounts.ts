/**
 * Ledger accounts are named by a deterministic id (`kind:scope:currency`), so posting needs no lookup
 * round trip and an account springs into existence the first time a line touches it.
 * Per-reseller accounts keep a cached balance; registry accounts are shared by every reseller and are
 * summed on read, so no single row serialises all resellers (docs/decisions/041-ledger.md).
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

export function resellerAccount(kind: ResellerKind, resellerId: string, currency: string): AccountRef {
  return { id: `${kind}:${resellerId}:${currency}`, kind, resellerId, currency, cached: true };
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
