"use server";
/** Registrar tier actions: create and edit tiers, set their prices, move resellers between them. */
import { z } from "zod";
import { parseMoney } from "@/lib/money";
import { defineAction } from "@/server/action-client";
import { createTier, moveResellerToTier, setTierPrices, updateTier } from "@/server/billing/manage-tiers";

const ADMIN = ["registrar_admin"] as const;

export const addTier = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: z.object({
    name: z.string().trim().min(2, "Name the tier.").max(60),
    description: z.string().trim().max(300).default(""),
    copyFromTierId: z
      .string()
      .optional()
      .transform((v) => v || undefined),
  }),
  handler: async (ctx, input) => {
    const tier = await createTier(ctx, input);
    return { id: tier.id };
  },
  redirectTo: (data) => `/registrar/tiers/${data.id}`,
});

export const editTier = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: z.object({
    tierId: z.uuid(),
    name: z.string().trim().min(2, "Name the tier.").max(60),
    description: z.string().trim().max(300).default(""),
    premiumRuleKind: z.enum(["percent", "fixed"]),
    premiumRuleValue: z
      .string()
      .trim()
      .transform((v, ctx) => {
        const n = Number(v.replace(",", "."));
        if (!Number.isFinite(n) || n < 0) {
          ctx.addIssue({ code: "custom", message: "Enter zero or a positive number." });
          return z.NEVER;
        }
        return Math.round(n * 100);
      }),
  }),
  handler: async (ctx, input) => {
    await updateTier(ctx, input);
    return { saved: true };
  },
});

/** The price grid posts one field per cell, named `price:<productId>:<operation>`; empty takes it off the list. */
export const saveTierPrices = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: z.looseObject({ tierId: z.uuid(), currency: z.enum(["USD", "EUR", "GBP"]) }).transform((raw, ctx) => {
    const cells: {
      productId: string;
      operation: "register" | "renew" | "transfer" | "restore" | "privacy";
      amount: number | null;
    }[] = [];
    for (const [key, value] of Object.entries(raw)) {
      const m = /^price:([0-9a-f-]{36}):(register|renew|transfer|restore|privacy)$/.exec(key);
      if (!m || typeof value !== "string") continue;
      const amount = value.trim() === "" ? null : parseMoney(value, raw.currency);
      if (amount !== null && amount < 0)
        ctx.addIssue({ code: "custom", path: [key], message: "Prices cannot be negative." });
      if (value.trim() !== "" && amount === null)
        ctx.addIssue({ code: "custom", path: [key], message: `“${value}” is not an amount.` });
      cells.push({ productId: m[1], operation: m[2] as (typeof cells)[number]["operation"], amount });
    }
    return { tierId: raw.tierId, currency: raw.currency, cells };
  }),
  handler: async (ctx, input) => {
    const result = await setTierPrices(ctx, input);
    return result;
  },
});

export const moveReseller = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: z.object({ resellerId: z.uuid({ error: "Choose a reseller." }), tierId: z.uuid({ error: "Choose a tier." }) }),
  handler: async (ctx, input) => {
    await moveResellerToTier(ctx, input);
    return { moved: true };
  },
});
