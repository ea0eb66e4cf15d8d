/** Domain routes: availability, registration, the list, renewal and name servers. */
import { z } from "zod";
import { bulkSearch, type BulkRow } from "@/server/domains/search/bulk-search";
import { placeDomainOrder } from "@/server/domains/checkout/place-domain-order";
import { listDomains } from "@/server/domains/queries/list-domains";
import { requestRenewal } from "@/server/domains/renewals/request-renewal";
import { updateNameservers } from "@/server/domains/manage/update-nameservers";
import { getDomainOrThrow } from "@/server/domains/manage/get-domain-or-throw";
import { getOrderOrThrow } from "@/server/orders/get-order";
import { AppError } from "@/server/errors";
import { DomainState } from "@/generated/prisma/enums";
import type { ApiCaller } from "@/server/api-keys/authenticate-api-key";
import { defineRoute } from "./define-route";
import { orderKeyFor } from "./idempotency";
import { pageQuery } from "./pagination";
import { checkResult, contact, domain, domainNameParam, noParams, noQuery, order, pageOf } from "./schemas";
import { orderView } from "./order-view";
import { domainIdByName } from "./domain-by-name";

export const BULK_CHECK_LIMIT = 100;
// The search service splits pasted text on these, so one name may not contain them.
const oneName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[^\s,;]+$/, "One name, without spaces, commas or semicolons.");

async function check(caller: ApiCaller, names: string[]): Promise<BulkRow[]> {
  const rows: BulkRow[] = [];
  await bulkSearch(caller.ctx, { resellerId: caller.ctx.resellerId, text: names.join("\n") }, (batch) =>
    rows.push(...batch),
  );
  const order = new Map(names.map((n, i) => [n.trim().toLowerCase(), i]));
  return rows.sort((a, b) => (order.get(a.input.toLowerCase()) ?? 0) - (order.get(b.input.toLowerCase()) ?? 0));
}

/** The Idempotency-Key is required on every POST; the handler layer refuses a POST without one. */
function keyOf(caller: ApiCaller, idempotencyKey: string | null): string {
  if (!idempotencyKey) throw new AppError("INVALID_INPUT", "Send an Idempotency-Key header.");
  return orderKeyFor(caller.key.id, idempotencyKey);
}

export const checkDomain = defineRoute({
  method: "GET",
  path: "/domains/check",
  operationId: "checkDomain",
  summary: "Is one name available, and at what price?",
  scope: "read",
  params: noParams,
  query: z.object({ name: oneName }),
  body: null,
  response: checkResult,
  handler: async (caller, { query }) => {
    const [row] = await check(caller, [query.name]);
    if (!row)
      throw new AppError("INVALID_INPUT", "Give one domain name.", { fields: { name: "Give one domain name." } });
    return row;
  },
});

export const checkDomains = defineRoute({
  method: "POST",
  path: "/domains/check",
  operationId: "checkDomains",
  summary: `Availability and prices of up to ${BULK_CHECK_LIMIT} names.`,
  scope: "read",
  params: noParams,
  query: noQuery,
  body: z.object({ names: z.array(oneName).min(1).max(BULK_CHECK_LIMIT) }),
  response: z.object({ results: z.array(checkResult) }),
  handler: async (caller, { body }) => ({ results: await check(caller, body.names) }),
});

export const registerDomain = defineRoute({
  method: "POST",
  path: "/domains",
  operationId: "registerDomain",
  summary: "Register a name: an order paid from the prepaid balance, fulfilled by the order engine.",
  scope: "domains",
  params: noParams,
  query: noQuery,
  body: z.object({
    name: z.string().min(3).max(253),
    years: z.number().int().min(1).max(10),
    privacy: z.boolean().default(false),
    nameservers: z
      .array(z.string().min(1).max(253))
      .min(2)
      .max(13)
      .nullable()
      .default(null)
      .describe("null: the platform's default name servers."),
    contact,
    claimsNoticeId: z.string().max(200).optional().describe("The trademark claims notice accepted, when one applies."),
  }),
  response: order,
  status: 201,
  handler: async (caller, { body, idempotencyKey }) => {
    const { order: placed } = await placeDomainOrder(caller.ctx, {
      resellerId: caller.ctx.resellerId,
      idempotencyKey: keyOf(caller, idempotencyKey),
      items: [{ name: body.name, kind: "register", years: body.years, privacy: body.privacy }],
      nameservers: body.nameservers,
      contact: body.contact,
      claimsAccepted: body.claimsNoticeId ? { [body.name.trim().toLowerCase()]: body.claimsNoticeId } : {},
      payment: "balance",
      channel: "api",
    });
    return orderView(placed);
  },
});

export const listDomainsRoute = defineRoute({
  method: "GET",
  path: "/domains",
  operationId: "listDomains",
  summary: "The reseller's domains by name, a page at a time.",
  scope: "read",
  params: noParams,
  query: z.object({
    ...pageQuery,
    state: z.enum(Object.values(DomainState) as [DomainState, ...DomainState[]]).optional(),
    q: z.string().max(253).optional().describe("Names starting with this."),
  }),
  body: null,
  response: pageOf(domain),
  handler: async (caller, { query }) => {
    const { rows, next } = await listDomains(caller.ctx, {
      resellerId: caller.ctx.resellerId,
      state: query.state,
      q: query.q,
      sort: "name",
      cursor: query.cursor,
      limit: query.limit,
    });
    return {
      data: rows.map((d) => ({
        id: d.id,
        name: d.name,
        unicodeName: d.unicodeName,
        tld: d.tld,
        state: d.state,
        expiresAt: d.expiresAt?.toISOString() ?? null,
        autoRenew: d.autoRenew,
        transferLock: d.transferLock,
      })),
      next,
    };
  },
});

export const renewDomain = defineRoute({
  method: "POST",
  path: "/domains/{name}/renew",
  operationId: "renewDomain",
  summary: "Renew a name, paid from the prepaid balance; the registry is asked at once.",
  scope: "domains",
  params: domainNameParam,
  query: noQuery,
  body: z.object({ years: z.number().int().min(1).max(10) }),
  response: z.object({ order, result: z.object({ ok: z.boolean(), message: z.string() }).nullable() }),
  status: 201,
  handler: async (caller, { params, body, idempotencyKey }) => {
    const domainId = await domainIdByName(caller.ctx, params.name);
    const r = await requestRenewal(caller.ctx, {
      domainId,
      years: body.years,
      idempotencyKey: keyOf(caller, idempotencyKey),
      payment: "balance",
      channel: "api",
    });
    const placed = await getOrderOrThrow(caller.ctx, r.orderId);
    return { order: orderView(placed), result: r.result ? { ok: r.result.ok, message: r.result.message } : null };
  },
});

export const setNameservers = defineRoute({
  method: "PUT",
  path: "/domains/{name}/nameservers",
  operationId: "setNameservers",
  summary: "Replace a name's name servers (glue addresses for hosts under the name itself).",
  scope: "domains",
  params: domainNameParam,
  query: noQuery,
  body: z.object({
    nameservers: z
      .array(
        z.object({
          host: z.string().min(1).max(253),
          addresses: z.array(z.string().max(45)).max(13).default([]),
        }),
      )
      .min(2)
      .max(13),
  }),
  response: z.object({ message: z.string(), nameservers: z.array(z.string()) }),
  handler: async (caller, { params, body }) => {
    const domainId = await domainIdByName(caller.ctx, params.name);
    const r = await updateNameservers(caller.ctx, { domainId, nameservers: body.nameservers });
    const after = await getDomainOrThrow(caller.ctx, domainId);
    return { message: r.message, nameservers: after.nameservers };
  },
});
