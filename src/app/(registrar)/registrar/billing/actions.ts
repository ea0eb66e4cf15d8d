"use server";
/** Registrar money actions: manual credit/debit with a reason, credit limits. Audited in the services. */
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { adjustBalance } from "@/server/billing/adjust-balance";
import { moneyInput } from "@/server/billing/money-input";
import { setCreditLimit } from "@/server/billing/update-billing-settings";

export const adjust = defineAction({
  area: "registrar",
  roles: ["registrar_admin"],
  input: z.object({
    resellerId: z.uuid(),
    direction: z.enum(["credit", "debit"], { error: "Choose credit or debit." }),
    amount: moneyInput({ min: 1 }),
    reason: z.string().trim().min(5, "Say why, in a few words.").max(500),
    idempotencyKey: z.uuid(),
  }),
  handler: async (ctx, input) => {
    const result = await adjustBalance(ctx, input);
    return result;
  },
});

export const saveCreditLimit = defineAction({
  area: "registrar",
  roles: ["registrar_admin"],
  input: z.object({ resellerId: z.uuid(), creditLimit: moneyInput() }),
  handler: async (ctx, input) => {
    await setCreditLimit(ctx, input);
    return { saved: true };
  },
});
