/**
 * A mark's row exists "ordered" from the order on and is linked to its order item only when the
 * engine provisions it. An order that fails at payment never reaches the engine: the failure must
 * still release the mark (cancelled, with the reason), or the registrant sees it "ordered" for ever.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { queue } from "@/server/jobs/boss";
import { orderMark } from "@/server/tmch/mark-orders/order-mark";
import { startOrderCheckout } from "@/server/order-payments/start-order-checkout";
import { confirmPayment } from "@/server/order-payments/confirm-payment";
import { cancelPayment } from "@/server/order-payments/cancel-payment";
import { createRegistrant, createReseller, createTier, fundReseller } from "../../support/factories";
import { bloomSubmission } from "../../support/tmch-marks";

beforeAll(async () => {
  await queue();
});

async function orderedMark(balance: number, key: string) {
  await db.product.create({
    data: {
      kind: "tmch",
      code: "tmch-mark",
      name: "Trademark Clearinghouse mark",
      maxPeriod: 5,
      registryCosts: { create: [{ operation: "register", amount: 15_000 }] },
    },
  });
  const tier = await createTier("tmch", { "tmch-mark": 18_000 });
  const reseller = await createReseller();
  await fundReseller(reseller.id, tier.id, balance, { markupKind: "percent", markupValue: 2_500, rounding: "none" });
  const customer = await createRegistrant(reseller.id);
  const { mark, order } = await orderMark(customer.ctx, {
    resellerId: reseller.id,
    registrantId: customer.registrant.id,
    submission: bloomSubmission(),
    termYears: 1,
    idempotencyKey: key,
    channel: "storefront",
    payment: "checkout",
  });
  expect(mark.state).toBe("ordered");
  const checkout = await startOrderCheckout(customer.ctx, { orderId: order.id, storefrontOrigin: "http://x.test" });
  return { mark, order, paymentId: checkout.paymentId };
}

describe("a mark whose order fails at payment", () => {
  it("is cancelled when the reseller's balance cannot hold the order", async () => {
    const { mark, order, paymentId } = await orderedMark(0, "mark-no-balance");
    const confirmed = await db.$transaction((tx) => confirmPayment(tx, paymentId, "pi_mark"));
    expect(confirmed.failedItemIds).toEqual([order.items[0].id]);
    expect(await db.tmchMark.findUniqueOrThrow({ where: { id: mark.id } })).toMatchObject({
      state: "cancelled",
      reasons: ["The reseller's balance could not cover this item."],
    });
  });

  it("is cancelled when the checkout is abandoned", async () => {
    const { mark, paymentId } = await orderedMark(1_000_000, "mark-abandoned");
    await db.$transaction((tx) => cancelPayment(tx, paymentId));
    expect(await db.tmchMark.findUniqueOrThrow({ where: { id: mark.id } })).toMatchObject({
      state: "cancelled",
      reasons: ["Payment was canceled."],
    });
  });
});
