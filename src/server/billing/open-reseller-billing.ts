/**
 * Gives a reseller its billing settings (tier, credit limit, warning threshold, default markup) and
 * its ledger accounts. Idempotent; call it when a reseller is approved. Without it a reseller has no
 * price list and cannot order.
 */
import type { Tx } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import type { MarkupKind, RoundingRule } from "@/generated/prisma/enums";
import { resellerAccount } from "./accounts";

export type OpenBillingInput = {
  resellerId: string;
  tierId?: string;
  creditLimit?: number;
  lowBalanceThreshold?: number;
  markupKind?: MarkupKind;
  markupValue?: number;
  rounding?: RoundingRule;
};

const RESELLER_ACCOUNTS = [
  "reseller_available",
  "reseller_held",
  "registrar_revenue",
  "payments_received",
  "registrant_funds",
  "refunds_paid",
  "manual_adjustments",
] as const;

export async function openResellerBilling(tx: Tx, ctx: ActorContext, input: OpenBillingInput) {
  const existing = await tx.resellerBilling.findUnique({ where: { resellerId: input.resellerId } });
  if (existing) return existing;
  const reseller = await tx.reseller.findUnique({ where: { id: input.resellerId }, select: { currency: true } });
  if (!reseller) throw new AppError("NOT_FOUND");
  // Without an explicit tier a new reseller starts on the oldest one (the registrar's standard list).
  const tierId =
    input.tierId ?? (await tx.wholesaleTier.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } }))?.id;
  if (!tierId) throw new AppError("CONFLICT", "Create a wholesale tier before opening reseller accounts.");
  const billing = await tx.resellerBilling.create({
    data: {
      resellerId: input.resellerId,
      tierId,
      creditLimit: input.creditLimit ?? 0,
      lowBalanceThreshold: input.lowBalanceThreshold ?? 0,
      markupKind: input.markupKind,
      markupValue: input.markupValue,
      rounding: input.rounding,
    },
  });
  const accounts = RESELLER_ACCOUNTS.map((k) => resellerAccount(k, input.resellerId, reseller.currency));
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
  await recordAudit(tx, ctx, {
    action: "billing.open",
    entity: "reseller_billing",
    entityId: input.resellerId,
    resellerId: input.resellerId,
    after: billing,
  });
  return billing;
}
