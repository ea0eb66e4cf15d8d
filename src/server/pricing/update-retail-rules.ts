/** Reseller retail price settings: default markup and rounding, per-TLD overrides, promotions. All audited. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import type { MarkupKind, PriceOperation, RoundingRule } from "@/generated/prisma/enums";
import { requirePriceWriter, requireResellerReader } from "@/server/billing/guards";
import { assertResellerWritable } from "@/server/tenancy/guards";

export async function updateMarkupRule(
  ctx: ActorContext,
  input: { resellerId: string; markupKind: MarkupKind; markupValue: number; rounding: RoundingRule },
) {
  requirePriceWriter(ctx, input.resellerId);
  if (input.markupKind === "percent" && input.markupValue > 100_000)
    throw new AppError("INVALID_INPUT", undefined, {
      fields: { markupValue: "A markup above 1000% is surely a typo." },
    });
  return db.$transaction(async (tx) => {
    await assertResellerWritable(tx, input.resellerId);
    const before = await tx.resellerBilling.findUnique({
      where: { resellerId: input.resellerId },
      select: { markupKind: true, markupValue: true, rounding: true },
    });
    if (!before) throw new AppError("NOT_FOUND", "This reseller has no price list yet.");
    const after = await tx.resellerBilling.update({
      where: { resellerId: input.resellerId },
      data: { markupKind: input.markupKind, markupValue: input.markupValue, rounding: input.rounding },
      select: { markupKind: true, markupValue: true, rounding: true },
    });
    await recordAudit(tx, ctx, {
      action: "pricing.markup.update",
      entity: "reseller_billing",
      entityId: input.resellerId,
      resellerId: input.resellerId,
      before,
      after,
    });
    return after;
  });
}

async function productOrThrow(code: string) {
  const product = await db.product.findUnique({ where: { code } });
  if (!product)
    throw new AppError("NOT_FOUND", `Unknown product ${code}.`, {
      fields: { productCode: "Choose a product from the list." },
    });
  return product;
}

export async function setRetailOverride(
  ctx: ActorContext,
  input: { resellerId: string; productCode: string; operation: PriceOperation; amount: number },
) {
  requirePriceWriter(ctx, input.resellerId);
  const product = await productOrThrow(input.productCode);
  return db.$transaction(async (tx) => {
    await assertResellerWritable(tx, input.resellerId);
    const where = {
      resellerId_productId_operation: {
        resellerId: input.resellerId,
        productId: product.id,
        operation: input.operation,
      },
    };
    const before = await tx.retailOverride.findUnique({ where });
    const row = await tx.retailOverride.upsert({
      where,
      create: { resellerId: input.resellerId, productId: product.id, operation: input.operation, amount: input.amount },
      update: { amount: input.amount },
    });
    await recordAudit(tx, ctx, {
      action: "pricing.override.set",
      entity: "retail_override",
      entityId: row.id,
      resellerId: input.resellerId,
      before,
      after: { product: product.code, operation: input.operation, amount: input.amount },
    });
    return row;
  });
}

export async function removeRetailOverride(ctx: ActorContext, input: { resellerId: string; overrideId: string }) {
  requirePriceWriter(ctx, input.resellerId);
  return db.$transaction(async (tx) => {
    const row = await tx.retailOverride.findUnique({ where: { id: input.overrideId } });
    if (!row || row.resellerId !== input.resellerId) throw new AppError("NOT_FOUND");
    await tx.retailOverride.delete({ where: { id: row.id } });
    await recordAudit(tx, ctx, {
      action: "pricing.override.remove",
      entity: "retail_override",
      entityId: row.id,
      resellerId: input.resellerId,
      before: row,
    });
  });
}

export async function createPromotion(
  ctx: ActorContext,
  input: {
    resellerId: string;
    productCode: string;
    operation: PriceOperation;
    amount: number;
    label: string;
    startsAt: Date;
    endsAt: Date;
  },
) {
  requirePriceWriter(ctx, input.resellerId);
  if (input.endsAt <= input.startsAt)
    throw new AppError("INVALID_INPUT", undefined, { fields: { endsAt: "The end must be after the start." } });
  const product = await productOrThrow(input.productCode);
  return db.$transaction(async (tx) => {
    await assertResellerWritable(tx, input.resellerId);
    const row = await tx.promotion.create({
      data: {
        resellerId: input.resellerId,
        productId: product.id,
        operation: input.operation,
        amount: input.amount,
        label: input.label,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
      },
    });
    await recordAudit(tx, ctx, {
      action: "pricing.promotion.create",
      entity: "promotion",
      entityId: row.id,
      resellerId: input.resellerId,
      after: { ...row, product: product.code },
    });
    return row;
  });
}

export async function deletePromotion(ctx: ActorContext, input: { resellerId: string; promotionId: string }) {
  requirePriceWriter(ctx, input.resellerId);
  return db.$transaction(async (tx) => {
    const row = await tx.promotion.findUnique({ where: { id: input.promotionId } });
    if (!row || row.resellerId !== input.resellerId) throw new AppError("NOT_FOUND");
    await tx.promotion.delete({ where: { id: row.id } });
    await recordAudit(tx, ctx, {
      action: "pricing.promotion.delete",
      entity: "promotion",
      entityId: row.id,
      resellerId: input.resellerId,
      before: row,
    });
  });
}

export async function listRetailSettings(ctx: ActorContext, resellerId: string) {
  requireResellerReader(ctx, resellerId);
  const [billing, overrides, promotions] = await Promise.all([
    db.resellerBilling.findUnique({ where: { resellerId } }),
    db.retailOverride.findMany({
      where: { resellerId },
      include: { product: { select: { code: true, name: true } } },
      orderBy: { updatedAt: "desc" },
    }),
    db.promotion.findMany({
      where: { resellerId },
      include: { product: { select: { code: true, name: true } } },
      orderBy: { startsAt: "desc" },
    }),
  ]);
  return { billing, overrides, promotions };
}
