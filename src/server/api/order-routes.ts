/** Order routes: one order, and the list newest first. */
import { z } from "zod";
import { getOrderOrThrow } from "@/server/orders/get-order";
import { AppError } from "@/server/errors";
import { defineRoute } from "./define-route";
import { pageQuery } from "./pagination";
import { noQuery, order, pageOf } from "./schemas";
import { listOrdersPage } from "./list-orders-page";
import { orderView } from "./order-view";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const getOrder = defineRoute({
  method: "GET",
  path: "/orders/{id}",
  operationId: "getOrder",
  summary: "One order and the state of each item.",
  scope: "read",
  params: z.object({ id: z.string().max(64) }),
  query: noQuery,
  body: null,
  response: order,
  handler: async (caller, { params }) => {
    // An id that cannot exist is as unknown as one that does not.
    if (!UUID.test(params.id)) throw new AppError("NOT_FOUND");
    return orderView(await getOrderOrThrow(caller.ctx, params.id));
  },
});

export const listOrders = defineRoute({
  method: "GET",
  path: "/orders",
  operationId: "listOrders",
  summary: "The reseller's orders, newest first, a page at a time.",
  scope: "read",
  params: z.object({}),
  query: z.object(pageQuery),
  body: null,
  response: pageOf(order),
  handler: async (caller, { query }) => {
    const { rows, next } = await listOrdersPage(caller.ctx, caller.ctx.resellerId, query);
    return { data: rows.map(orderView), next };
  },
});
