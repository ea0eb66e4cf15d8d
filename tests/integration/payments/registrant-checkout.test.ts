import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { queue } from "@/server/jobs/boss";
import { systemContext } from "@/server/context";
import { completeItem, failItem, startProvisioning } from "@/server/orders/complete-item";
import { refundItem } from "@/server/orders/refund-item";
import { confirmPayment } from "@/server/order-payments/confirm-payment";
import { readBalance } from "@/server/billing/get-balance";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { resellerAccount } from "@/server/billing/accounts";
import { accountBalance } from "@/server/billing/account-balance";
import { createStorefrontCheckout } from "../../support/factories";

// Started before the tests: its first start, inside confirmPayment's transaction, can outlast the timeout.
beforeAll(async () => {
  await queue();
});

async function storefrontOrder(balance = 5_000) {
  const { reseller, order, checkout } = await createStorefrontCheckout({
    subject: "mine.net",
    idempotencyKey: "checkout-1",
    balance,
  });
  // Fulfilment is another capability's job; these tests drive the item by hand.
  await db.$transaction((tx) => confirmPayment(tx, checkout.paymentId, "pi_test"));
  return { reseller, order, itemId: order.items[0].id };
}

const balanceOf = (id: string, kind: "registrant_funds" | "refunds_paid" | "registrar_revenue") =>
  accountBalance(db, resellerAccount(kind, id, "USD").id);

describe("registrant checkout", () => {
  it("puts the registrant's retail payment in the reseller's account and holds wholesale on its balance", async () => {
    const { reseller, order, itemId } = await storefrontOrder();
    expect(order.items[0]).toMatchObject({ retailAmount: 1_500, wholesaleAmount: 1_000 });
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: itemId } })).state).toBe("paid");
    expect(await balanceOf(reseller.id, "registrant_funds")).toBe(1_500);
    expect(await readBalance(db, reseller.id)).toMatchObject({ available: 4_000, held: 1_000 });
  });

  it("on fulfilment pays wholesale from the balance and releases the retail payment to the reseller", async () => {
    const { reseller, itemId } = await storefrontOrder();
    await db.$transaction(async (tx) => {
      await startProvisioning(tx, itemId);
      await completeItem(tx, itemId);
    });
    expect(await readBalance(db, reseller.id)).toMatchObject({ available: 5_500, held: 0 });
    expect(await balanceOf(reseller.id, "registrant_funds")).toBe(0);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("refunds both sides when fulfilment fails: the hold returns and the registrant gets their money back", async () => {
    const { reseller, itemId } = await storefrontOrder();
    await db.$transaction(async (tx) => {
      await startProvisioning(tx, itemId);
      await failItem(tx, itemId, "name taken");
    });
    await refundItem(itemId);
    expect(await readBalance(db, reseller.id)).toMatchObject({ available: 5_000, held: 0 });
    expect(await balanceOf(reseller.id, "registrant_funds")).toBe(0);
    expect(await balanceOf(reseller.id, "refunds_paid")).toBe(1_500);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("reverses capture and refunds the registrant when a completed item is undone", async () => {
    const { reseller, itemId } = await storefrontOrder();
    await db.$transaction(async (tx) => {
      await startProvisioning(tx, itemId);
      await completeItem(tx, itemId);
    });
    await refundItem(itemId);
    expect(await readBalance(db, reseller.id)).toMatchObject({ available: 5_000, held: 0 });
    expect(await balanceOf(reseller.id, "registrar_revenue")).toBe(0);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("fails and refunds a paid item whose wholesale the reseller's balance cannot cover", async () => {
    const { reseller, itemId } = await storefrontOrder(500);
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: itemId } })).state).toBe("failed");
    await refundItem(itemId);
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: itemId } })).state).toBe("refunded");
    expect(await readBalance(db, reseller.id)).toMatchObject({ available: 500, held: 0 });
    expect(systemContext).toBeDefined();
  });
});
