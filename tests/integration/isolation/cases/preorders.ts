// Pre-orders and launch interest: a registrant pre-orders only at their own store, and follows launches there.
import { expect } from "vitest";
import { db } from "@/server/db";
import { placePreorder } from "@/server/launch/preorder-orders/place-preorder";
import { registerInterest } from "@/server/launch/interest/register-interest";
import { isolationCase } from "../harness";

export const cases = [
  isolationCase({
    name: "A's registrant cannot pre-order at B's store",
    setup: async () => undefined,
    attack: (t) =>
      placePreorder(t.a.customer.ctx, {
        resellerId: t.b.reseller.id,
        registrantId: t.a.customer.registrant.id,
        preorder: { name: "comet.nova" },
        idempotencyKey: "iso-preorder-1",
        channel: "storefront",
        payment: "checkout",
      }),
    unchanged: async () => expect(await db.order.count()).toBe(0),
  }),
  isolationCase({
    name: "A's registrant cannot follow a launch at B's store",
    setup: async () => undefined,
    attack: (t) => registerInterest(t.a.customer.ctx, { resellerId: t.b.reseller.id, interest: { subject: "nova" } }),
    unchanged: async () => expect(await db.launchInterest.count()).toBe(0),
  }),
];
