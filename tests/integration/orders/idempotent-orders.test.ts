import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { placeOrder } from "@/server/orders/place-order";
import { transitionItem } from "@/server/orders/transition-item";
import { failItem } from "@/server/orders/complete-item";
import { refundItem } from "@/server/orders/refund-item";
import { readBalance } from "@/server/billing/get-balance";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { createReseller, createTier, createTldProduct, fundReseller } from "../../support/factories";

async function setup(balance = 10_000) {
  await createTldProduct("org", 900);
  const tier = await createTier("standard", { org: 1_200 });
  const reseller = await createReseller();
  await fundReseller(reseller.id, tier.id, balance);
  return { reseller, ctx: systemContext(reseller.id) };
}

const order = (resellerId: string, key: string) => ({
  resellerId,
  idempotencyKey: key,
  channel: "api" as const,
  payment: "balance" as const,
  items: [{ kind: "domain_register" as const, productCode: "org", subject: "example.org", period: 2 }],
});

describe("placing orders", () => {
  it("charges once and returns the same order when the same idempotency key is sent twice", async () => {
    const { reseller, ctx } = await setup();
    const first = await placeOrder(ctx, order(reseller.id, "key-1"));
    const again = await placeOrder(ctx, order(reseller.id, "key-1"));
    expect(again.order.id).toBe(first.order.id);
    expect([first.created, again.created]).toEqual([true, false]);
    expect(await db.order.count()).toBe(1);
    expect((await readBalance(db, reseller.id)).held).toBe(2_400);
  });

  it("charges once when the same key arrives concurrently", async () => {
    const { reseller, ctx } = await setup();
    const results = await Promise.all(Array.from({ length: 10 }, () => placeOrder(ctx, order(reseller.id, "same"))));
    expect(new Set(results.map((r) => r.order.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const balance = await readBalance(db, reseller.id);
    expect(balance).toMatchObject({ available: 10_000 - 2_400, held: 2_400 });
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it("prices a multi-year registration from the tier and records wholesale and registry cost", async () => {
    const { reseller, ctx } = await setup();
    const { order: placed } = await placeOrder(ctx, order(reseller.id, "k"));
    expect(placed.items[0]).toMatchObject({ state: "paid", period: 2, wholesaleAmount: 2_400, registryCost: 1_800 });
    expect(placed.items[0].retailAmount).toBe(2 * 1_599);
  });

  it("releases the hold when fulfilment fails and refunds the item", async () => {
    const { reseller, ctx } = await setup();
    const { order: placed } = await placeOrder(ctx, order(reseller.id, "k"));
    const itemId = placed.items[0].id;
    await db.$transaction(async (tx) => {
      await transitionItem(tx, itemId, "provisioning");
      await failItem(tx, itemId, "registry said no");
    });
    await refundItem(itemId);
    expect((await readBalance(db, reseller.id)).available).toBe(10_000);
    expect((await db.hold.findUniqueOrThrow({ where: { orderItemId: itemId } })).status).toBe("released");
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: itemId } })).state).toBe("refunded");
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("refuses an illegal state change with a conflict", async () => {
    const { reseller, ctx } = await setup();
    const { order: placed } = await placeOrder(ctx, order(reseller.id, "k"));
    await expect(db.$transaction((tx) => transitionItem(tx, placed.items[0].id, "completed"))).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});
