// Money: balances, statements, prices, promotions, orders, payments and receipts never cross tenants.
import { expect } from "vitest";
import { testRequest } from "@/server/action-client";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { getBalance } from "@/server/billing/get-balance";
import { listStatement } from "@/server/billing/list-statement";
import { placeOrder } from "@/server/orders/place-order";
import { getReceipt } from "@/server/orders/get-receipt";
import { startTopUp } from "@/server/payments/start-top-up";
import { startOrderCheckout } from "@/server/order-payments/start-order-checkout";
import { createPromotion, setRetailOverride } from "@/server/pricing/update-retail-rules";
import { dropOverride, removePromotion } from "@/app/(console)/console/prices/actions";
import { finishTestTopUp } from "@/app/(console)/console/billing/actions";
import { finishTestOrderCheckout } from "@/app/(storefront)/[host]/orders/[orderId]/actions";
import { createTier, createTldProduct, fundReseller } from "../../../support/factories";
import { isolationCase, type TwoTenants } from "../harness";

async function funded({ a, b }: TwoTenants) {
  await createTldProduct("com", 800);
  const tier = await createTier("iso", { com: 1_000 });
  await fundReseller(a.reseller.id, tier.id, 10_000);
  await fundReseller(b.reseller.id, tier.id, 10_000);
}

const orderFor = (t: TwoTenants["b"], key: string, payment: "balance" | "checkout" = "checkout") =>
  placeOrder(systemContext(t.reseller.id), {
    resellerId: t.reseller.id,
    registrantId: t.customer.registrant.id,
    idempotencyKey: key,
    channel: "storefront",
    payment,
    items: [{ kind: "domain_register", productCode: "com", subject: `${key}.com` }],
  });

const origin = "http://console.test";

export const cases = [
  isolationCase({
    name: "A's owner cannot read B's balance",
    setup: funded,
    attack: ({ a, b }) => getBalance(a.owner.ctx, b.reseller.id),
    control: ({ b }) => getBalance(b.owner.ctx, b.reseller.id),
  }),
  isolationCase({
    name: "A's owner cannot read B's statement",
    setup: funded,
    attack: ({ a, b }) => listStatement(a.owner.ctx, b.reseller.id, {}),
    control: ({ b }) => listStatement(b.owner.ctx, b.reseller.id, {}),
  }),
  isolationCase({
    name: "A's owner cannot start a top-up of B's balance",
    setup: funded,
    attack: ({ a, b }) => startTopUp(a.owner.ctx, { resellerId: b.reseller.id, amount: 5_000, consoleOrigin: origin }),
    control: ({ b }) => startTopUp(b.owner.ctx, { resellerId: b.reseller.id, amount: 5_000, consoleOrigin: origin }),
    unchanged: async ({ b }) => expect(await db.payment.count({ where: { resellerId: b.reseller.id } })).toBe(0),
  }),
  isolationCase({
    name: "A's owner cannot complete B's test top-up checkout",
    setup: async (t) => {
      await funded(t);
      return startTopUp(t.b.owner.ctx, { resellerId: t.b.reseller.id, amount: 5_000, consoleOrigin: origin });
    },
    attack: ({ a }, s) => finishTestTopUp.run(a.owner.ctx, { paymentId: s.paymentId, outcome: "pay" }),
    control: ({ b }, s) => finishTestTopUp.run(b.owner.ctx, { paymentId: s.paymentId, outcome: "pay" }),
    unchanged: async (_t, s) =>
      expect((await db.payment.findUniqueOrThrow({ where: { id: s.paymentId } })).status).toBe("pending"),
  }),
  isolationCase({
    name: "A's owner cannot place an order charged to B's balance",
    setup: funded,
    attack: ({ a, b }) =>
      placeOrder(a.owner.ctx, {
        resellerId: b.reseller.id,
        idempotencyKey: "x",
        channel: "console",
        payment: "balance",
        items: [{ kind: "domain_register", productCode: "com", subject: "x.com" }],
      }),
    control: ({ b }) =>
      placeOrder(b.owner.ctx, {
        resellerId: b.reseller.id,
        idempotencyKey: "x",
        channel: "console",
        payment: "balance",
        items: [{ kind: "domain_register", productCode: "com", subject: "x.com" }],
      }),
  }),
  isolationCase({
    name: "A's owner cannot remove B's per-TLD price",
    setup: async (t) => {
      await funded(t);
      return setRetailOverride(t.b.owner.ctx, {
        resellerId: t.b.reseller.id,
        productCode: "com",
        operation: "register",
        amount: 1_999,
      });
    },
    attack: ({ a }, s) => dropOverride.run(a.owner.ctx, { overrideId: s.id }),
    control: ({ b }, s) => dropOverride.run(b.owner.ctx, { overrideId: s.id }),
    unchanged: async (_t, s) => expect(await db.retailOverride.count({ where: { id: s.id } })).toBe(1),
  }),
  isolationCase({
    name: "A's owner cannot remove B's promotion",
    setup: async (t) => {
      await funded(t);
      return createPromotion(t.b.owner.ctx, {
        resellerId: t.b.reseller.id,
        productCode: "com",
        operation: "register",
        amount: 500,
        label: "sale",
        startsAt: new Date(),
        endsAt: new Date(Date.now() + 86_400_000),
      });
    },
    attack: ({ a }, s) => removePromotion.run(a.owner.ctx, { promotionId: s.id }),
    control: ({ b }, s) => removePromotion.run(b.owner.ctx, { promotionId: s.id }),
  }),
  isolationCase({
    name: "A's registrant cannot see the receipt of B's registrant's order",
    setup: async (t) => {
      await funded(t);
      return (await orderFor(t.b, "r1")).order;
    },
    attack: ({ a }, order) => getReceipt(a.customer.ctx, order.id),
    control: ({ b }, order) => getReceipt(b.customer.ctx, order.id),
  }),
  isolationCase({
    name: "A's registrant cannot open checkout for B's order",
    setup: async (t) => {
      await funded(t);
      return (await orderFor(t.b, "r2")).order;
    },
    attack: ({ a }, order) =>
      startOrderCheckout(a.customer.ctx, { orderId: order.id, storefrontOrigin: "http://alpha.test" }),
    control: ({ b }, order) =>
      startOrderCheckout(b.customer.ctx, { orderId: order.id, storefrontOrigin: "http://bravo.test" }),
  }),
  isolationCase({
    name: "A's registrant cannot pay or cancel B's test checkout",
    setup: async (t) => {
      await funded(t);
      const { order } = await orderFor(t.b, "r3");
      const checkout = await startOrderCheckout(t.b.customer.ctx, {
        orderId: order.id,
        storefrontOrigin: "http://bravo.test",
      });
      return { orderId: order.id, paymentId: checkout.paymentId };
    },
    attack: ({ a }, s) =>
      finishTestOrderCheckout.run(a.customer.ctx, { ...s, outcome: "pay" }, testRequest({ host: a.reseller.host })),
    control: ({ b }, s) =>
      finishTestOrderCheckout.run(b.customer.ctx, { ...s, outcome: "cancel" }, testRequest({ host: b.reseller.host })),
    unchanged: async (_t, s) =>
      expect((await db.payment.findUniqueOrThrow({ where: { id: s.paymentId } })).status).toBe("pending"),
  }),
];
