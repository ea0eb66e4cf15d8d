/** Credit limits (registrar staff) and low-balance thresholds (the reseller's billing people). Audited. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { isLiveReseller } from "@/server/live-tenants";
import { requireBillingWriter, requireRegistrarAdmin, requireRegistrarReader } from "./guards";

export async function setCreditLimit(ctx: ActorContext, input: { resellerId: string; creditLimit: number }) {
  requireRegistrarAdmin(ctx);
  if (!Number.isSafeInteger(input.creditLimit) || input.creditLimit < 0)
    throw new AppError("INVALID_INPUT", undefined, { fields: { creditLimit: "Enter zero or more." } });
  return db.$transaction(async (tx) => {
    // Lowering a limit never moves money; it only limits what the next orders may spend.
    const before = await tx.resellerBilling.findUnique({
      where: { resellerId: input.resellerId },
      select: { creditLimit: true },
    });
    if (!before) throw new AppError("NOT_FOUND");
    await tx.resellerBilling.update({
      where: { resellerId: input.resellerId },
      data: { creditLimit: input.creditLimit },
    });
    await recordAudit(tx, ctx, {
      action: "billing.credit-limit.set",
      entity: "reseller_billing",
      entityId: input.resellerId,
      resellerId: input.resellerId,
      before,
      after: { creditLimit: input.creditLimit },
    });
  });
}

export async function setLowBalanceThreshold(ctx: ActorContext, input: { resellerId: string; threshold: number }) {
  requireBillingWriter(ctx, input.resellerId);
  if (!Number.isSafeInteger(input.threshold) || input.threshold < 0)
    throw new AppError("INVALID_INPUT", undefined, { fields: { threshold: "Enter zero or more." } });
  return db.$transaction(async (tx) => {
    const before = await tx.resellerBilling.findUnique({
      where: { resellerId: input.resellerId },
      select: { lowBalanceThreshold: true },
    });
    if (!before) throw new AppError("NOT_FOUND");
    // A new threshold starts a new watch: the next crossing below it sends one mail.
    await tx.resellerBilling.update({
      where: { resellerId: input.resellerId },
      data: { lowBalanceThreshold: input.threshold, lowBalanceWarnedAt: null },
    });
    await recordAudit(tx, ctx, {
      action: "billing.low-balance-threshold.set",
      entity: "reseller_billing",
      entityId: input.resellerId,
      resellerId: input.resellerId,
      before,
      after: { lowBalanceThreshold: input.threshold },
    });
  });
}

export async function listResellerBalances(ctx: ActorContext) {
  requireRegistrarReader(ctx);
  const rows = await db.$queryRaw<
    {
      id: string;
      slug: string;
      displayName: string;
      status: string;
      currency: string;
      locale: string;
      tier: string | null;
      creditLimit: number | null;
      threshold: number | null;
      available: bigint | null;
      held: bigint | null;
    }[]
  >`
    select r.id, r.slug, r."displayName", r.status::text as status, r.currency, r.locale, t.name as tier, b."creditLimit", b."lowBalanceThreshold" as threshold,
      (select balance from "LedgerAccount" a where a.id = 'reseller_available:' || r.id || ':' || r.currency) as available,
      (select sum(h.amount) from "Hold" h where h."resellerId" = r.id and h.status = 'held' and h.currency = r.currency) as held
    from "Reseller" r left join "ResellerBilling" b on b."resellerId" = r.id left join "WholesaleTier" t on t.id = b."tierId"
    where ${isLiveReseller("r.id")}
    order by r."displayName"`;
  return rows.map((r) => ({
    ...r,
    available: Number(r.available ?? 0),
    held: Number(r.held ?? 0),
    creditLimit: r.creditLimit ?? 0,
    threshold: r.threshold ?? 0,
    hasBilling: r.tier !== null,
  }));
}
