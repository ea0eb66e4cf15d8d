/** The prepaid balance that pays for API orders. */
import { z } from "zod";
import { getBalance } from "@/server/billing/get-balance";
import { defineRoute } from "./define-route";
import { money, noParams, noQuery } from "./schemas";

export const balance = defineRoute({
  method: "GET",
  path: "/balance",
  operationId: "getBalance",
  summary: "Available, held and spendable balance.",
  scope: "billing",
  params: noParams,
  query: noQuery,
  body: null,
  response: z.object({
    currency: z.string(),
    available: money,
    held: money.describe("Held for orders still being fulfilled."),
    creditLimit: money,
    spendable: money,
  }),
  handler: async (caller) => getBalance(caller.ctx, caller.ctx.resellerId),
});
