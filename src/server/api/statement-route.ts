/** The statement: every movement of the prepaid balance (or of held amounts), newest first. */
import { z } from "zod";
import { ENTRY_KINDS, listStatement } from "@/server/billing/list-statement";
import { defineRoute } from "./define-route";
import { isoDate, money, noParams } from "./schemas";
import { decodeCursor, encodeCursor } from "./pagination";

const cursorShape = z.object({ before: z.string().regex(/^\d+$/) });

export const getStatement = defineRoute({
  method: "GET",
  path: "/statement",
  operationId: "getStatement",
  summary: "Balance movements newest first with the balance after each, a page at a time.",
  scope: "billing",
  params: noParams,
  query: z.object({
    from: z.iso.datetime().optional().describe("From this time (inclusive)."),
    to: z.iso.datetime().optional().describe("Before this time."),
    kind: z.enum(Object.keys(ENTRY_KINDS) as [string, ...string[]]).optional(),
    account: z.enum(["available", "held"]).default("available"),
    cursor: z.string().max(500).optional().describe("The `next` value of the previous page."),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
  body: null,
  response: z.object({
    currency: z.string(),
    data: z.array(
      z.object({
        id: z.string(),
        at: isoDate,
        kind: z.string(),
        memo: z.string(),
        orderId: z.string().nullable(),
        amount: money,
        balanceAfter: money,
      }),
    ),
    next: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  }),
  handler: async (caller, { query }) => {
    const after = decodeCursor(cursorShape, query.cursor);
    const s = await listStatement(
      caller.ctx,
      caller.ctx.resellerId,
      {
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        kind: query.kind,
        account: query.account,
      },
      { before: after?.before, take: query.limit },
    );
    return {
      currency: s.currency,
      data: s.lines.map((l) => ({
        id: l.lineId,
        at: l.at.toISOString(),
        kind: l.kind,
        memo: l.memo,
        orderId: l.orderId,
        amount: l.amount,
        balanceAfter: l.balanceAfter,
      })),
      next: s.nextBefore ? encodeCursor({ before: s.nextBefore }) : null,
    };
  },
});
