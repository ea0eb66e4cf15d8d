/** Prices: for each product and operation, the reseller's wholesale cost and its retail price. */
import { z } from "zod";
import { listPriceTable, OPERATIONS } from "@/server/pricing/list-price-table";
import { defineRoute } from "./define-route";
import { money, noParams, noQuery } from "./schemas";

export const listPrices = defineRoute({
  method: "GET",
  path: "/prices",
  operationId: "listPrices",
  summary: "Wholesale (what the reseller pays) and retail (what its storefront charges) for each product, per year.",
  scope: "read",
  params: noParams,
  query: noQuery,
  body: null,
  response: z.object({
    currency: z.string(),
    prices: z.array(
      z.object({
        product: z.string().describe("The TLD or product code."),
        kind: z.string(),
        operation: z.enum(OPERATIONS as [string, ...string[]]),
        wholesale: money,
        retail: money,
        margin: money,
        retailSource: z.string().describe("markup, override or promotion."),
        promotion: z.string().optional(),
      }),
    ),
  }),
  handler: async (caller) => {
    const { context, rows } = await listPriceTable(caller.ctx, caller.ctx.resellerId);
    return {
      currency: context.currency,
      prices: rows.map((r) => ({
        product: r.code,
        kind: r.kind,
        operation: r.operation,
        wholesale: r.wholesale,
        retail: r.retail,
        margin: r.margin,
        retailSource: r.source,
        ...(r.source === "promotion" && r.label ? { promotion: r.label } : {}),
      })),
    };
  },
});
