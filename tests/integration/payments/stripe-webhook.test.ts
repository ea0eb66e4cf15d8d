import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { readBalance } from "@/server/billing/get-balance";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { startTopUp } from "@/server/payments/start-top-up";
import { POST } from "@/app/api/webhooks/stripe/route";
import { createReseller, createStaff, createTier, createTldProduct, fundReseller } from "../../support/factories";

const SECRET = "whsec_test_secret_for_money_tests";
let fake: Server;
const seen: { path: string; body: string }[] = [];

beforeAll(async () => {
  // A local stand-in for api.stripe.com: the adapter runs offline against it.
  fake = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ path: req.url ?? "", body });
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          id: `cs_test_${seen.length}`,
          object: "checkout.session",
          url: `https://checkout.stripe.test/pay/cs_test_${seen.length}`,
        }),
      );
    });
  });
  await new Promise<void>((r) => fake.listen(0, "127.0.0.1", r));
  process.env.STRIPE_SECRET_KEY = "sk_test_money";
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  process.env.STRIPE_API_BASE = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.STRIPE_API_BASE;
  await new Promise((r) => fake.close(r));
});

function deliver(event: object, secret = SECRET): Promise<Response> {
  const payload = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return POST(
    new Request("http://console.test/api/webhooks/stripe", {
      method: "POST",
      body: payload,
      headers: { "stripe-signature": header },
    }),
  );
}

async function toppedUpReseller() {
  await createTldProduct("com");
  const tier = await createTier("standard", { com: 1_000 });
  const reseller = await createReseller();
  await fundReseller(reseller.id, tier.id, 0);
  const { ctx } = await createStaff(reseller.id, "billing");
  const started = await startTopUp(ctx, {
    resellerId: reseller.id,
    amount: 50_00,
    consoleOrigin: "http://console.test",
  });
  const payment = await db.payment.findUniqueOrThrow({ where: { id: started.paymentId } });
  return { reseller, started, payment };
}

const completed = (eventId: string, sessionId: string) => ({
  id: eventId,
  object: "event",
  type: "checkout.session.completed",
  data: {
    object: {
      id: sessionId,
      object: "checkout.session",
      payment_status: "paid",
      payment_intent: "pi_test_1",
      amount_total: 50_00,
      currency: "usd",
      metadata: {},
    },
  },
});

describe("Stripe top-ups and webhooks", () => {
  it("creates a Checkout Session through the Stripe client pointed at the local fake", async () => {
    const { started, payment } = await toppedUpReseller();
    expect(started.url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    expect(payment).toMatchObject({ provider: "stripe", status: "pending", amount: 50_00 });
    const call = seen.at(-1);
    expect(call?.path).toBe("/v1/checkout/sessions");
    expect(decodeURIComponent(call?.body ?? "")).toContain("line_items[0][price_data][unit_amount]=5000");
  });

  it("credits the balance once when the same webhook is delivered twice", async () => {
    const { reseller, payment } = await toppedUpReseller();
    const first = await deliver(completed("evt_1", payment.providerRef as string));
    const second = await deliver(completed("evt_1", payment.providerRef as string));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ handled: true, duplicate: false });
    expect(await second.json()).toMatchObject({ handled: false, duplicate: true });
    expect((await readBalance(db, reseller.id)).available).toBe(50_00);
    expect(await db.journalEntry.count({ where: { kind: "top_up" } })).toBe(1);
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it("credits once when Stripe sends a second, different event for the same session", async () => {
    const { reseller, payment } = await toppedUpReseller();
    await deliver(completed("evt_a", payment.providerRef as string));
    await deliver({
      ...completed("evt_b", payment.providerRef as string),
      type: "checkout.session.async_payment_succeeded",
    });
    expect((await readBalance(db, reseller.id)).available).toBe(50_00);
  });

  it("refuses a payload whose signature does not verify and changes nothing", async () => {
    const { reseller, payment } = await toppedUpReseller();
    const response = await deliver(completed("evt_forged", payment.providerRef as string), "whsec_someone_else");
    expect(response.status).toBe(400);
    expect((await readBalance(db, reseller.id)).available).toBe(0);
    expect(await db.paymentEvent.count()).toBe(0);
  });

  it("acknowledges but ignores event types outside the whitelist", async () => {
    const response = await deliver({
      id: "evt_x",
      object: "event",
      type: "customer.created",
      data: { object: { id: "cus_1" } },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ handled: false, type: "customer.created" });
    expect(await db.paymentEvent.count()).toBe(0);
  });

  it("cancels the payment when the checkout session expires", async () => {
    const { payment } = await toppedUpReseller();
    await deliver({ ...completed("evt_exp", payment.providerRef as string), type: "checkout.session.expired" });
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("canceled");
  });
});
