/** Registrar staff edit wholesale tiers and their price lists, and move resellers between tiers. Audited. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import type { PremiumRuleKind, PriceOperation } from "@/generated/prisma/enums";
import { requireRegistrarAdmin, requireRegistrarReader } from "./guards";

export async function listTiers(ctx: ActorContext) {
  requireRegistrarReader(ctx);
  return db.wholesaleTier.findMany({
    orderBy: { createdAt: "asc" },
    include: { _count: { select: { resellers: true } } },
  });
}

export async function getTierPriceGrid(ctx: ActorContext, tierId: string, currency: string) {
  requireRegistrarReader(ctx);
  const tier = await db.wholesaleTier.findUnique({ where: { id: tierId } });
  if (!tier) throw new AppError("NOT_FOUND");
  const [products, prices, costs] = await Promise.all([
    db.product.findMany({ orderBy: [{ kind: "asc" }, { code: "asc" }] }),
    db.wholesalePrice.findMany({ where: { tierId, currency } }),
    db.registryCost.findMany(),
  ]);
  return { tier, products, prices, costs };
}

export async function createTier(
  ctx: ActorContext,
  input: { name: string; description: string; copyFromTierId?: string },
) {
  requireRegistrarAdmin(ctx);
  return db.$transaction(async (tx) => {
    if (await tx.wholesaleTier.findUnique({ where: { name: input.name } }))
      throw new AppError("CONFLICT", undefined, { fields: { name: "A tier with this name exists." } });
    const tier = await tx.wholesaleTier.create({ data: { name: input.name, description: input.description } });
    if (input.copyFromTierId) {
      const prices = await tx.wholesalePrice.findMany({ where: { tierId: input.copyFromTierId } });
      await tx.wholesalePrice.createMany({
        data: prices.map(({ productId, operation, currency, amount }) => ({
          tierId: tier.id,
          productId,
          operation,
          currency,
          amount,
        })),
      });
    }
    await recordAudit(tx, ctx, {
      action: "tier.create",
      entity: "wholesale_tier",
      entityId: tier.id,
      resellerId: null,
      after: { ...tier, copiedFrom: input.copyFromTierId ?? null },
    });
    return tier;
  });
}

export async function updateTier(
  ctx: ActorContext,
  input: {
    tierId: string;
    name: string;
    description: string;
    premiumRuleKind: PremiumRuleKind;
    premiumRuleValue: number;
  },
) {
  requireRegistrarAdmin(ctx);
  return db.$transaction(async (tx) => {
    const before = await tx.wholesaleTier.findUnique({ where: { id: input.tierId } });
    if (!before) throw new AppError("NOT_FOUND");
    const after = await tx.wholesaleTier.update({
      where: { id: input.tierId },
      data: {
        name: input.name,
        description: input.description,
        premiumRuleKind: input.premiumRuleKind,
        premiumRuleValue: input.premiumRuleValue,
      },
    });
    await recordAudit(tx, ctx, {
      action: "tier.update",
      entity: "wholesale_tier",
      entityId: input.tierId,
      resellerId: null,
      before,
      after,
    });
    return after;
  });
}

export type PriceCell = { productId: string; operation: PriceOperation; amount: number | null };

/** Saves a tier's prices in one currency; a null amount takes the product off the tier's list. */
export async function setTierPrices(
  ctx: ActorContext,
  input: { tierId: string; currency: string; cells: PriceCell[] },
) {
  requireRegistrarAdmin(ctx);
  return db.$transaction(async (tx) => {
    const changes: { productId: string; operation: string; from: number | null; to: number | null }[] = [];
    for (const c of input.cells) {
      const where = {
        tierId_productId_operation_currency: {
          tierId: input.tierId,
          productId: c.productId,
          operation: c.operation,
          currency: input.currency,
        },
      };
      const old = await tx.wholesalePrice.findUnique({ where });
      if ((old?.amount ?? null) === c.amount) continue;
      if (c.amount === null) await tx.wholesalePrice.delete({ where });
      else
        await tx.wholesalePrice.upsert({
          where,
          create: {
            tierId: input.tierId,
            productId: c.productId,
            operation: c.operation,
            currency: input.currency,
            amount: c.amount,
          },
          update: { amount: c.amount },
        });
      changes.push({ productId: c.productId, operation: c.operation, from: old?.amount ?? null, to: c.amount });
    }
    if (changes.length)
      await recordAudit(tx, ctx, {
        action: "tier.prices.update",
        entity: "wholesale_tier",
        entityId: input.tierId,
        resellerId: null,
        after: { currency: input.currency, changes },
      });
    return { changed: changes.length };
  });
}

export async function moveResellerToTier(ctx: ActorContext, input: { resellerId: string; tierId: string }) {
  requireRegistrarAdmin(ctx);
  return db.$transaction(async (tx) => {
    const before = await tx.resellerBilling.findUnique({
      where: { resellerId: input.resellerId },
      include: { tier: { select: { name: true } } },
    });
    const tier = await tx.wholesaleTier.findUnique({ where: { id: input.tierId } });
    if (!before || !tier) throw new AppError("NOT_FOUND");
    await tx.resellerBilling.update({ where: { resellerId: input.resellerId }, data: { tierId: tier.id } });
    await recordAudit(tx, ctx, {
      action: "tier.move-reseller",
      entity: "reseller_billing",
      entityId: input.resellerId,
      resellerId: input.resellerId,
      before: { tier: before.tier.name },
      after: { tier: tier.name },
    });
  });
}
