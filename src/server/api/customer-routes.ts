/** Customers: the registrants who bought from the reseller's storefront, and one with their domains. */
import { z } from "zod";
import { getCustomerOrThrow } from "@/server/domains/queries/list-customers";
import { AppError } from "@/server/errors";
import { defineRoute } from "./define-route";
import { pageQuery } from "./pagination";
import { domain, isoDate, noParams, pageOf } from "./schemas";
import { listCustomersPage } from "./list-customers-page";
import { domainView } from "./domain-view";
import { UUID } from "./uuid";

const customer = z.object({ id: z.string(), email: z.string(), name: z.string(), createdAt: isoDate });

export const listCustomersRoute = defineRoute({
  method: "GET",
  path: "/customers",
  operationId: "listCustomers",
  summary: "The reseller's customers (storefront registrants), newest first, a page at a time.",
  scope: "read",
  params: noParams,
  query: z.object(pageQuery),
  body: null,
  response: pageOf(customer),
  handler: async (caller, { query }) => {
    const { rows, next } = await listCustomersPage(caller.ctx, caller.ctx.resellerId, query);
    return { data: rows.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })), next };
  },
});

export const getCustomer = defineRoute({
  method: "GET",
  path: "/customers/{id}",
  operationId: "getCustomer",
  summary: "One customer with their domains and latest orders.",
  scope: "read",
  params: z.object({ id: z.string().max(64) }),
  query: z.object({}),
  body: null,
  response: customer.extend({
    domains: z.array(domain),
    orders: z.array(z.object({ id: z.string(), createdAt: isoDate, items: z.number().int() })),
  }),
  handler: async (caller, { params }) => {
    if (!UUID.test(params.id)) throw new AppError("NOT_FOUND");
    const { customer: c, domains, orders } = await getCustomerOrThrow(caller.ctx, params.id);
    return {
      id: c.id,
      email: c.email,
      name: c.name,
      createdAt: c.createdAt.toISOString(),
      domains: domains.map(domainView),
      orders: orders.map((o) => ({ id: o.id, createdAt: o.createdAt.toISOString(), items: o.items.length })),
    };
  },
});
