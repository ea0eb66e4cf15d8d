"use server";
/** Billing actions of the reseller console: top up, low-balance threshold, the test checkout. */
import { z } from "zod";
import { env } from "@/env";
import { defineAction } from "@/server/action-client";
import { moneyInput } from "@/server/billing/money-input";
import { setLowBalanceThreshold } from "@/server/billing/update-billing-settings";
import { startTopUp } from "@/server/payments/start-top-up";
import { completeTestCheckout } from "@/server/order-payments/complete-test-checkout";

const BILLING = ["owner", "admin", "billing"] as const;

export const topUp = defineAction({
  area: "console",
  roles: BILLING,
  input: z.object({ amount: moneyInput({ min: 1_000 }) }),
  handler: async (ctx, input) => {
    const { PUBLIC_SCHEME, CONSOLE_HOST } = env();
    return startTopUp(ctx, {
      resellerId: ctx.resellerId,
      amount: input.amount,
      consoleOrigin: `${PUBLIC_SCHEME}://${CONSOLE_HOST}`,
    });
  },
  redirectTo: (data) => data.url,
});

export const saveThreshold = defineAction({
  area: "console",
  roles: BILLING,
  input: z.object({ threshold: moneyInput() }),
  handler: async (ctx, input) => {
    await setLowBalanceThreshold(ctx, { resellerId: ctx.resellerId, threshold: input.threshold });
    return { saved: true };
  },
});

export const finishTestTopUp = defineAction({
  area: "console",
  roles: BILLING,
  input: z.object({ paymentId: z.uuid(), outcome: z.enum(["pay", "cancel"]) }),
  handler: async (ctx, input) => {
    const done = await completeTestCheckout(ctx, input);
    return { status: done.status };
  },
  redirectTo: (data) => `/console/billing?topup=${data.status === "paid" ? "success" : "canceled"}`,
});
