"use server";
/** Retail price actions of the reseller console: markup rule, per-TLD overrides, promotions. */
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { moneyInput } from "@/server/billing/money-input";
import {
  createPromotion,
  deletePromotion,
  removeRetailOverride,
  setRetailOverride,
  updateMarkupRule,
} from "@/server/pricing/update-retail-rules";

const MANAGERS = ["owner", "admin"] as const;
const operation = z.enum(["register", "renew", "transfer", "restore", "privacy"], { error: "Choose an operation." });
const productCode = z.string().trim().min(1, "Choose a product.");

export const saveMarkup = defineAction({
  area: "console",
  roles: MANAGERS,
  input: z
    .object({
      markupKind: z.enum(["percent", "fixed"]),
      markupValue: z.string().trim().min(1, "Enter the markup."),
      rounding: z.enum(["none", "cents99", "whole"]),
    })
    .transform((v, ctx) => {
      const n = Number(v.markupValue.replace(",", "."));
      if (!Number.isFinite(n) || n < 0) {
        ctx.addIssue({ code: "custom", path: ["markupValue"], message: "Enter zero or a positive number." });
        return z.NEVER;
      }
      // Percent is stored in basis points, fixed in minor units: both are hundredths of what was typed.
      return { ...v, markupValue: Math.round(n * 100) };
    }),
  handler: async (ctx, input) => {
    await updateMarkupRule(ctx, { resellerId: ctx.resellerId, ...input });
    return { saved: true };
  },
});

export const saveOverride = defineAction({
  area: "console",
  roles: MANAGERS,
  input: z.object({ productCode, operation, amount: moneyInput() }),
  handler: async (ctx, input) => {
    await setRetailOverride(ctx, { resellerId: ctx.resellerId, ...input });
    return { saved: true };
  },
});

export const dropOverride = defineAction({
  area: "console",
  roles: MANAGERS,
  input: z.object({ overrideId: z.uuid() }),
  handler: async (ctx, input) => {
    await removeRetailOverride(ctx, { resellerId: ctx.resellerId, overrideId: input.overrideId });
    return { removed: true };
  },
});

const date = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} date.`);

export const addPromotion = defineAction({
  area: "console",
  roles: MANAGERS,
  input: z.object({
    productCode,
    operation,
    amount: moneyInput(),
    label: z.string().trim().max(120).default(""),
    startsOn: date("start"),
    endsOn: date("end"),
  }),
  handler: async (ctx, input) => {
    // Dates are whole days in UTC; the end date is the last day the promotion runs.
    const startsAt = new Date(`${input.startsOn}T00:00:00Z`);
    const endsAt = new Date(new Date(`${input.endsOn}T00:00:00Z`).getTime() + 86_400_000);
    await createPromotion(ctx, {
      resellerId: ctx.resellerId,
      productCode: input.productCode,
      operation: input.operation,
      amount: input.amount,
      label: input.label,
      startsAt,
      endsAt,
    });
    return { saved: true };
  },
});

export const removePromotion = defineAction({
  area: "console",
  roles: MANAGERS,
  input: z.object({ promotionId: z.uuid() }),
  handler: async (ctx, input) => {
    await deletePromotion(ctx, { resellerId: ctx.resellerId, promotionId: input.promotionId });
    return { removed: true };
  },
});
