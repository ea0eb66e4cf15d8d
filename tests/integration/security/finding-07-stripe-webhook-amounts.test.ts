import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { queue } from "@/server/jobs/boss";
import { resellerAccount } from "@/server/billing/accounts";
import { accountBalance } from "@/server/billing/account-balance";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { startOrderCheckout } from "@/server/order-payments/start-order-checkout";
import { finishPaymentRefunds } from "@/server/payments/refund-duplicate-payment";
import { POST } from "@/app/api/webhooks/stripe/route";
import { createStorefrontCheckout } from "../../support/factories";
import { FAKE_WEBHOOK_SECRET, useFakeStripe, type FakeStripe } from "../../support/fake-stripe";

let stripe: FakeStripe;
beforeAll(async () => {
  stripe = await useFakeStripe();
  // Started here, not inside the first transaction that enqueues a job (its start can outlast the timeout).
  await queue();
});
beforeEach(() => stripe.reset());
afterAll(() => stripe.close());

/** A storefront order for 15.00 USD waiting for payment, with the checkout we opened for it. */
async function orderAwaitingPayment() {
  const { reseller, order, ctx, checkout } = await createStorefrontCheckout({
    subject: "paid-once.net",
    idempotencyKey: "finding-07",
  });
  const payment = await db.payment.findUniqueOrThrow({ where: { id: checkout.paymentId } });
  return { reseller, order, ctx, payment };
}

type Paid = { id: string; providerRef: string | null; amount: number; currency: string };

/** A Checkout Session as Stripe sends it, paid in full for `payment` unless told otherwise. */
const session = (payment: Paid, over: Record<string, unknown> = {}) => ({
  id: payment.providerRef,
  object: "checkout.session",
  payment_status: "paid",
  payment_intent: `pi_${payment.id.slice(0, 8)}`,
  amount_total: payment.amount,
  currency: payment.currency.toLowerCase(),
  client_reference_id: payment.id,
  metadata: { paymentId: payment.id },
  ...over,
});

let events = 0;
function deliver(object: object, type = "checkout.session.completed"): Promise<Response> {
  const payload = JSON.stringify({ id: `evt_f07_${++events}`, object: "event", type, data: { object } });
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: FAKE_WEBHOOK_SECRET });
  return POST(
    new Request("http://console.test/api/webhooks/stripe", {
      method: "POST",
      body: payload,
      headers: { "stripe-signature": header },
    }),
  );
}

const itemStates = async (orderId: string) => (await db.orderItem.findMany({ where: { orderId } })).map((i) => i.state);
const paymentRow = (id: string) => db.payment.findUniqueOrThrow({ where: { id } });
const balance = (resellerId: string, kind: "registrant_funds" | "refunds_paid") =>
  accountBalance(db, resellerAccount(kind, resellerId, "USD").id);

/** A second open checkout for the order, as one opened before checkouts were shared could be. */
async function olderSecondCheckout(order: { id: string; resellerId: string }, amount: number) {
  return db.payment.create({
    data: {
      resellerId: order.resellerId,
      purpose: "order",
      orderId: order.id,
      provider: "stripe",
      providerRef: "cs_test_second",
      amount,
      currency: "USD",
      checkoutUrl: "https://checkout.stripe.test/pay/cs_test_second",
    },
  });
}

describe("security finding 07: the Stripe webhook trusts metadata and never checks amounts", () => {
  it("pays the order when the session we opened reports the amount and currency we asked for", async () => {
    const { order, payment } = await orderAwaitingPayment();
    const response = await deliver(session(payment));
    expect(response.status).toBe(200);
    expect((await paymentRow(payment.id)).status).toBe("succeeded");
    expect(await itemStates(order.id)).toEqual(["paid"]);
  });

  it("does not pay an order from a session we never opened, whatever its metadata names", async () => {
    const { order, reseller, payment } = await orderAwaitingPayment();
    const response = await deliver(session(payment, { id: "cs_test_someone_elses" }));
    expect(response.status).toBe(200);
    expect((await paymentRow(payment.id)).status).toBe("pending");
    expect(await itemStates(order.id)).toEqual(["pending_payment"]);
    expect(await balance(reseller.id, "registrant_funds")).toBe(0);
  });

  it("records a session paid with a different amount and does not treat it as payment", async () => {
    const { order, reseller, payment } = await orderAwaitingPayment();
    const response = await deliver(session(payment, { amount_total: 1 }));
    expect(response.status).toBe(200);
    const row = await paymentRow(payment.id);
    expect(row).toMatchObject({ status: "mismatched", paymentIntent: `pi_${payment.id.slice(0, 8)}` });
    expect(row.note).toContain("reported 1 USD");
    expect(await itemStates(order.id)).toEqual(["pending_payment"]);
    expect(await balance(reseller.id, "registrant_funds")).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "payment.mismatch", entityId: payment.id } })).toBe(1);
  });

  it("records a session paid in a different currency and does not treat it as payment", async () => {
    const { order, payment } = await orderAwaitingPayment();
    await deliver(session(payment, { currency: "eur" }));
    expect((await paymentRow(payment.id)).status).toBe("mismatched");
    expect(await itemStates(order.id)).toEqual(["pending_payment"]);
  });

  it("refunds a second paid checkout for an order already paid, once, and records why", async () => {
    const { order, reseller, payment } = await orderAwaitingPayment();
    const second = await olderSecondCheckout(order, payment.amount);

    await deliver(session(payment));
    const response = await deliver(session(second));
    // Stripe sends the same news again under another event type; nothing more goes back.
    await deliver(session(second), "checkout.session.async_payment_succeeded");

    expect(response.status).toBe(200);
    expect((await paymentRow(payment.id)).status).toBe("succeeded");
    const refunded = await paymentRow(second.id);
    expect(refunded.status).toBe("refunded");
    expect(refunded.note).toContain(`already paid by payment ${payment.id}`);
    expect(stripe.refunds).toEqual([
      {
        id: "re_test_1",
        paymentIntent: `pi_${second.id.slice(0, 8)}`,
        amount: 1_500,
        key: `refund:payment:${second.id}`,
      },
    ]);
    expect(await itemStates(order.id)).toEqual(["paid"]);
    expect(await balance(reseller.id, "registrant_funds")).toBe(1_500);
    expect(await balance(reseller.id, "refunds_paid")).toBe(1_500);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("finishes the refund of a second payment after the provider failed, without sending it twice", async () => {
    const { order, payment } = await orderAwaitingPayment();
    const second = await olderSecondCheckout(order, payment.amount);
    await deliver(session(payment));
    stripe.refundFaults.push("fail");

    await deliver(session(second));
    expect((await paymentRow(second.id)).status).toBe("refunding");
    expect(stripe.refunds).toEqual([]);

    expect(await finishPaymentRefunds()).toEqual({ finished: 1, failed: 0 });
    expect(await finishPaymentRefunds()).toEqual({ finished: 0, failed: 0 });
    expect((await paymentRow(second.id)).status).toBe("refunded");
    expect(stripe.refunds).toHaveLength(1);
  });

  it("gives two checkouts started at once for one order the same payment and session", async () => {
    const { order, ctx, payment } = await orderAwaitingPayment();
    await db.payment.delete({ where: { id: payment.id } });
    stripe.reset();

    const [a, b] = await Promise.all([
      startOrderCheckout(ctx, { orderId: order.id, storefrontOrigin: "http://shop.test" }),
      startOrderCheckout(ctx, { orderId: order.id, storefrontOrigin: "http://shop.test" }),
    ]);
    const again = await startOrderCheckout(ctx, { orderId: order.id, storefrontOrigin: "http://shop.test" });

    expect(b).toEqual(a);
    expect(again).toEqual(a);
    expect(await db.payment.count({ where: { orderId: order.id } })).toBe(1);
    const sessionKeys = new Set(
      stripe.calls.filter((c) => c.path === "/v1/checkout/sessions").map((c) => c.idempotencyKey),
    );
    expect(sessionKeys).toEqual(new Set([`checkout:${a.paymentId}`]));
  });
});
