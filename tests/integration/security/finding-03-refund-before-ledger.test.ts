import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { queue } from "@/server/jobs/boss";
import { systemContext } from "@/server/context";
import { adjustBalance } from "@/server/billing/adjust-balance";
import { readBalance } from "@/server/billing/get-balance";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { completeItem, startProvisioning } from "@/server/orders/complete-item";
import { refundItem } from "@/server/orders/refund-item";
import { confirmPayment } from "@/server/order-payments/confirm-payment";
import { runFulfilment } from "@/server/fulfilment/run-fulfilment";
import { createStorefrontCheckout } from "../../support/factories";
import { useFakeStripe, type FakeStripe } from "../../support/fake-stripe";

let stripe: FakeStripe;
beforeAll(async () => {
  stripe = await useFakeStripe();
  // Started here, not inside the first transaction that enqueues a job (its start can outlast the timeout).
  await queue();
});
beforeEach(() => stripe.reset());
afterAll(() => stripe.close());

/** A storefront order paid through Stripe (retail 15.00, wholesale 10.00) whose item was registered. */
async function completedStripeItem(openingBalance: number) {
  const { reseller, order, checkout } = await createStorefrontCheckout({
    subject: "undo-me.net",
    idempotencyKey: "finding-03",
    balance: openingBalance,
  });
  await db.$transaction((tx) => confirmPayment(tx, checkout.paymentId, "pi_finding_03"));
  const itemId = order.items[0].id;
  await db.$transaction(async (tx) => {
    await startProvisioning(tx, itemId);
    await completeItem(tx, itemId);
  });
  return { reseller, itemId };
}

const refundCalls = () => stripe.calls.filter((c) => c.path === "/v1/refunds" && c.method === "POST");
const stateOf = async (itemId: string) => (await db.orderItem.findUniqueOrThrow({ where: { id: itemId } })).state;
const refundEntries = (itemId: string) => db.journalEntry.count({ where: { key: `refund:${itemId}` } });

describe("security finding 03: a refund is paid before the ledger can refuse it", () => {
  it("refuses a refund the reseller's balance cannot cover before any money goes back, and leaves the item as it was", async () => {
    const { reseller, itemId } = await completedStripeItem(1_000);
    // The reseller spends what the sale earned; undoing it would now take the balance below zero.
    await adjustBalance(systemContext(), {
      resellerId: reseller.id,
      direction: "debit",
      amount: 1_500,
      reason: "spent elsewhere (test)",
    });
    const before = await readBalance(db, reseller.id);

    await expect(refundItem(itemId, "deleted within the add grace period")).rejects.toMatchObject({
      code: "INSUFFICIENT_BALANCE",
      message: expect.stringContaining("nothing was refunded"),
    });

    expect(refundCalls()).toEqual([]);
    expect(stripe.refunds).toEqual([]);
    expect(await stateOf(itemId)).toBe("completed");
    expect(await refundEntries(itemId)).toBe(0);
    expect(await readBalance(db, reseller.id)).toEqual(before);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("posts the refund first and, when the payment provider fails, finishes it on retry with exactly one refund", async () => {
    const { reseller, itemId } = await completedStripeItem(5_000);
    stripe.refundFaults.push("fail");

    await expect(refundItem(itemId, "deleted within the add grace period")).rejects.toMatchObject({
      code: "PAYMENT_FAILED",
    });
    // On the ledger, not yet confirmed: the retry has what it needs and the reseller cannot spend it meanwhile.
    expect(await stateOf(itemId)).toBe("refunding");
    expect(await refundEntries(itemId)).toBe(1);
    expect((await readBalance(db, reseller.id)).available).toBe(5_000);
    expect(stripe.refunds).toEqual([]);

    // The fulfilment job (enqueued again by the stalled-items sweep) is what retries it.
    expect(await runFulfilment(itemId)).toBe("refunded");
    await refundItem(itemId);

    expect(await stateOf(itemId)).toBe("refunded");
    expect(stripe.refunds).toEqual([
      { id: "re_test_1", paymentIntent: "pi_finding_03", amount: 1_500, key: `refund:${itemId}` },
    ]);
    expect(refundCalls().map((c) => c.idempotencyKey)).toEqual([`refund:${itemId}`, `refund:${itemId}`]);
    expect(await refundEntries(itemId)).toBe(1);
    expect((await readBalance(db, reseller.id)).available).toBe(5_000);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("never refunds twice when the provider's reply was lost, even after it has forgotten the idempotency key", async () => {
    const { itemId } = await completedStripeItem(5_000);
    stripe.refundFaults.push("lose-reply");

    await expect(refundItem(itemId)).rejects.toMatchObject({ code: "PAYMENT_FAILED" });
    expect(await stateOf(itemId)).toBe("refunding");
    stripe.forgetKeys();
    await refundItem(itemId);

    expect(await stateOf(itemId)).toBe("refunded");
    expect(stripe.refunds).toHaveLength(1);
    expect(await refundEntries(itemId)).toBe(1);
  });
});
