// Domains search, checkout and orders: a registrant of one reseller never prices, orders, watches
// orders or uses saved contacts at another reseller.
import { expect } from "vitest";
import { db } from "@/server/db";
import { searchDomains } from "@/server/domains/search/search-domains";
import { placeDomainOrder } from "@/server/domains/checkout/place-domain-order";
import { getOrderStatus } from "@/server/domains/checkout/get-order-status";
import {
  createDomainCatalog,
  createTier,
  fundReseller,
  TEST_TLDS,
  startInProcessRegistry,
} from "../../../support/factories";
import { isolationCase, type TwoTenants } from "../harness";
import { CONTACT } from "../../domains/fulfilment/helpers";

async function selling({ a, b }: TwoTenants) {
  await createDomainCatalog();
  startInProcessRegistry();
  const tier = await createTier("iso", Object.fromEntries(Object.keys(TEST_TLDS).map((t) => [t, 1_500])));
  for (const r of [a.reseller, b.reseller]) await fundReseller(r.id, tier.id, 100_000);
}

const item = (name: string) => [{ name, kind: "register" as const, years: 1, privacy: false }];

export const cases = [
  isolationCase({
    name: "A's registrant cannot search with B's store and prices",
    setup: selling,
    attack: ({ a, b }) => searchDomains(a.customer.ctx, { resellerId: b.reseller.id, query: "isolated" }),
    control: ({ b }) => searchDomains(b.customer.ctx, { resellerId: b.reseller.id, query: "isolated" }),
  }),
  isolationCase({
    name: "A's registrant cannot place an order at B's store",
    setup: selling,
    attack: ({ a, b }) =>
      placeDomainOrder(a.customer.ctx, {
        resellerId: b.reseller.id,
        idempotencyKey: "iso-order-1",
        items: item("iso-one.com"),
        nameservers: null,
        contact: CONTACT,
      }),
    control: ({ b }) =>
      placeDomainOrder(b.customer.ctx, {
        resellerId: b.reseller.id,
        idempotencyKey: "iso-order-2",
        items: item("iso-two.com"),
        nameservers: null,
        contact: CONTACT,
      }),
    unchanged: async ({ b }) => expect(await db.order.count({ where: { resellerId: b.reseller.id } })).toBe(0),
  }),
  isolationCase({
    name: "A's registrant cannot watch the progress of B's registrant's order",
    setup: async (t) => {
      await selling(t);
      const { order } = await placeDomainOrder(t.b.customer.ctx, {
        resellerId: t.b.reseller.id,
        idempotencyKey: "iso-order-3",
        items: item("iso-three.com"),
        nameservers: null,
        contact: CONTACT,
      });
      return { orderId: order.id };
    },
    attack: ({ a }, s) => getOrderStatus(a.customer.ctx, s.orderId),
    control: ({ b }, s) => getOrderStatus(b.customer.ctx, s.orderId),
  }),
  isolationCase({
    name: "A's registrant cannot check out with a contact saved by B's registrant",
    setup: async (t) => {
      await selling(t);
      const contact = await db.contact.create({
        data: { resellerId: t.b.reseller.id, registrantId: t.b.customer.registrant.id, ...CONTACT },
      });
      return { contactId: contact.id };
    },
    attack: ({ a }, s) =>
      placeDomainOrder(a.customer.ctx, {
        resellerId: a.reseller.id,
        idempotencyKey: "iso-order-4",
        items: item("iso-four.com"),
        nameservers: null,
        contactId: s.contactId,
      }),
    control: ({ b }, s) =>
      placeDomainOrder(b.customer.ctx, {
        resellerId: b.reseller.id,
        idempotencyKey: "iso-order-5",
        items: item("iso-five.com"),
        nameservers: null,
        contactId: s.contactId,
      }),
    unchanged: async ({ a }) => expect(await db.order.count({ where: { resellerId: a.reseller.id } })).toBe(0),
  }),
];
