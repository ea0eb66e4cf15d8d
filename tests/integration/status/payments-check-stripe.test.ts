import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { queue } from "@/server/jobs/boss";
import { paymentOutcomes } from "@/server/payments/failed-payment-rate";
import { checkPayments } from "@/server/status/check-components";
import { POST } from "@/app/api/webhooks/stripe/route";
import { createStorefrontCheckout } from "../../support/factories";
import { FAKE_WEBHOOK_SECRET, useFakeStripe, type FakeStripe } from "../../support/fake-stripe";

let stripe: FakeStripe;
beforeAll(async () => {
  stripe = await useFakeStripe();
  await queue();
});
beforeEach(() => stripe.reset());
afterAll(() => stripe.close());

let events = 0;
function deliver(type: string, providerRef: string | null): Promise<Response> {
  const object = { id: providerRef, object: "checkout.session", payment_status: "unpaid" };
  const payload = JSON.stringify({ id: `evt_status_${++events}`, object: "event", type, data: { object } });
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: FAKE_WEBHOOK_SECRET });
  return POST(
    new Request("http://console.test/api/webhooks/stripe", {
      method: "POST",
      body: payload,
      headers: { "stripe-signature": header },
    }),
  );
}

describe("the payments health check against Stripe", () => {
  it("reads the Stripe balance, and reports payments down while Stripe does not answer", async () => {
    const now = new Date();
    expect((await checkPayments(now)).state).toBe("operational");
    expect(stripe.calls.map((c) => `${c.method} ${c.path}`)).toEqual(["GET /v1/balance"]);
    stripe.setBalanceDown(true);
    expect(await checkPayments(now)).toMatchObject({
      state: "down",
      detail: "Card payments cannot be taken at the moment.",
    });
  });

  it("counts a payment that bounced after checkout as failed, and an expired checkout as neither", async () => {
    const { order, checkout } = await createStorefrontCheckout({ subject: "bounced.net", idempotencyKey: "status" });
    const bounced = await db.payment.findUniqueOrThrow({ where: { id: checkout.paymentId } });
    // A second checkout the payer opened for the same order and walked away from.
    const walkedAway = await db.payment.create({
      data: {
        resellerId: order.resellerId,
        purpose: "order",
        orderId: order.id,
        provider: "stripe",
        providerRef: "cs_test_walked_away",
        amount: bounced.amount,
        currency: bounced.currency,
        createdAt: new Date(bounced.createdAt.getTime() + 1),
      },
    });
    expect((await deliver("checkout.session.expired", walkedAway.providerRef)).status).toBe(200);
    expect((await deliver("checkout.session.async_payment_failed", bounced.providerRef)).status).toBe(200);
    const rows = await db.payment.findMany({ select: { status: true, note: true }, orderBy: { createdAt: "asc" } });
    expect(rows).toEqual([
      { status: "canceled", note: "The payment method was declined after checkout." },
      { status: "canceled", note: null },
    ]);
    const now = new Date();
    expect(await paymentOutcomes(new Date(now.getTime() - 3_600_000), new Date(now.getTime() + 1_000))).toEqual({
      ended: 1,
      failed: 1,
    });
  });
});
