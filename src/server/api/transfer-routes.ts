/** Transfers: a name brought in from another registrar (an order), and the answer to one going out. */
import { z } from "zod";
import { placeDomainOrder } from "@/server/domains/checkout/place-domain-order";
import { DENIAL_REASONS, respondTransferOut, type DenialReason } from "@/server/domains/manage/respond-transfer-out";
import { defineRoute } from "./define-route";
import { contact, domainNameParam, manageResult, noParams, noQuery, order } from "./schemas";
import { orderView } from "./order-view";
import { orderKeyOf } from "./order-key";
import { domainIdByName } from "./domain-by-name";

export const transferIn = defineRoute({
  method: "POST",
  path: "/domains/transfers",
  operationId: "transferDomainIn",
  summary:
    "Transfer a name in from another registrar (adds a year): an order paid from the prepaid balance; follow it with getOrder.",
  scope: "domains",
  params: noParams,
  query: noQuery,
  body: z.object({
    name: z.string().min(3).max(253),
    authCode: z.string().min(1).max(255).describe("The auth code the losing registrar gave the registrant."),
    privacy: z.boolean().default(false),
    contact,
  }),
  response: order,
  status: 201,
  handler: async (caller, { body, idempotencyKey }) => {
    const name = body.name.trim().toLowerCase();
    const { order: placed } = await placeDomainOrder(caller.ctx, {
      resellerId: caller.ctx.resellerId,
      idempotencyKey: orderKeyOf(caller, idempotencyKey),
      items: [{ name, kind: "transfer", years: 1, privacy: body.privacy }],
      nameservers: null,
      contact: body.contact,
      authCodes: { [name]: body.authCode },
      payment: "balance",
      channel: "api",
    });
    return orderView(placed);
  },
});

const reasons = Object.keys(DENIAL_REASONS) as [DenialReason, ...DenialReason[]];

export const answerTransferOut = defineRoute({
  method: "PUT",
  path: "/domains/{name}/transfer-out",
  operationId: "answerTransferOut",
  summary: "Approve or reject a pending transfer of the name to another registrar.",
  scope: "domains",
  params: domainNameParam,
  query: noQuery,
  body: z.object({
    decision: z.enum(["approve", "reject"]),
    reason: z.enum(reasons).optional().describe("Required to reject: one of the Transfer Policy's reasons."),
  }),
  response: manageResult,
  handler: async (caller, { params, body }) =>
    respondTransferOut(caller.ctx, {
      domainId: await domainIdByName(caller.ctx, params.name),
      decision: body.decision,
      reason: body.reason,
    }),
});
