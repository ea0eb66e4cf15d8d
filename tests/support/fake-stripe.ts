/**
 * A local stand-in for api.stripe.com, enough for our adapter: Checkout Sessions, refunds and the
 * balance (the status page's health check reads it). It records every call, replays a repeated
 * Idempotency-Key as Stripe does (for a day; `forgetKeys` plays the day passing), can fail the next
 * refunds either before Stripe would begin work on them ("fail") or after it made them (a lost reply),
 * and can answer the balance read as an outage. Point the adapter at it with `useFakeStripe()` before
 * the first payment call.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_WEBHOOK_SECRET = "whsec_test_secret_for_fake_stripe";

export type StripeCall = { method: string; path: string; params: URLSearchParams; idempotencyKey: string | null };
export type FakeRefund = { id: string; paymentIntent: string; amount: number; key: string | null };

export type FakeStripe = {
  calls: StripeCall[];
  refunds: FakeRefund[];
  /** Outcomes for the next refund creations: "fail" sends nothing back, "lose-reply" refunds and then errs. */
  refundFaults: ("fail" | "lose-reply")[];
  /** While down, the balance read (the status page's health check) answers as an outage. */
  setBalanceDown(down: boolean): void;
  forgetKeys(): void;
  /** Forgets everything (calls, refunds, faults, keys): each test starts from a clean Stripe. */
  reset(): void;
  close(): Promise<void>;
};

function json(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(body));
}

export async function useFakeStripe(): Promise<FakeStripe> {
  const calls: StripeCall[] = [];
  const refunds: FakeRefund[] = [];
  const replies = new Map<string, { status: number; body: unknown }>();
  let sessions = 0;
  let balanceDown = false;
  const fake: Omit<FakeStripe, "close"> = {
    calls,
    refunds,
    refundFaults: [],
    setBalanceDown: (down) => void (balanceDown = down),
    forgetKeys: () => replies.clear(),
    reset() {
      calls.length = 0;
      balanceDown = false;
      refunds.length = 0;
      fake.refundFaults.length = 0;
      replies.clear();
    },
  };

  function answer(req: IncomingMessage, body: string): { status: number; body: unknown } {
    const url = new URL(req.url ?? "/", "http://fake");
    const params = req.method === "GET" ? url.searchParams : new URLSearchParams(body);
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
    calls.push({ method: req.method ?? "", path: url.pathname, params, idempotencyKey });
    const replay = idempotencyKey ? replies.get(idempotencyKey) : undefined;
    if (replay) return replay;
    let reply: { status: number; body: unknown };
    if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
      const id = `cs_test_${++sessions}`;
      reply = {
        status: 200,
        body: {
          id,
          object: "checkout.session",
          url: `https://checkout.stripe.test/pay/${id}`,
          amount_total: Number(params.get("line_items[0][price_data][unit_amount]")),
          currency: params.get("line_items[0][price_data][currency]"),
        },
      };
    } else if (req.method === "POST" && url.pathname === "/v1/refunds") {
      const fault = fake.refundFaults.shift();
      // Refused before Stripe began work, so nothing is kept for the key and a retry runs afresh.
      if (fault === "fail") return { status: 503, body: { error: { type: "api_error", message: "fake outage" } } };
      const refund = {
        id: `re_test_${refunds.length + 1}`,
        paymentIntent: params.get("payment_intent") ?? "",
        amount: Number(params.get("amount")),
        key: params.get("metadata[refund_key]"),
      };
      refunds.push(refund);
      const made = {
        id: refund.id,
        object: "refund",
        amount: refund.amount,
        payment_intent: refund.paymentIntent,
        metadata: refund.key ? { refund_key: refund.key } : {},
        status: "succeeded",
      };
      reply = { status: 200, body: made };
      if (fault === "lose-reply") {
        // Stripe made the refund and kept its reply; only the answer to us went missing.
        if (idempotencyKey) replies.set(idempotencyKey, reply);
        return { status: 500, body: { error: { type: "api_error", message: "reply lost" } } };
      }
    } else if (req.method === "GET" && url.pathname === "/v1/balance") {
      if (balanceDown) return { status: 503, body: { error: { type: "api_error", message: "fake outage" } } };
      return { status: 200, body: { object: "balance", available: [], pending: [], livemode: false } };
    } else if (req.method === "GET" && url.pathname === "/v1/refunds") {
      const pi = url.searchParams.get("payment_intent");
      const data = refunds
        .filter((r) => r.paymentIntent === pi)
        .map((r) => ({
          id: r.id,
          object: "refund",
          amount: r.amount,
          payment_intent: r.paymentIntent,
          metadata: r.key ? { refund_key: r.key } : {},
          status: "succeeded",
        }));
      return { status: 200, body: { object: "list", data, has_more: false, url: "/v1/refunds" } };
    } else {
      return {
        status: 404,
        body: { error: { type: "invalid_request_error", message: `fake Stripe has no ${req.method} ${url.pathname}` } },
      };
    }
    // Stripe keeps an idempotent request's reply, errors included, and replays it for the same key.
    if (idempotencyKey) replies.set(idempotencyKey, reply);
    return reply;
  }

  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const { status, body: out } = answer(req, body);
      json(res, status, out);
    });
  });
  // Port 0: the system picks a free one, so parallel test files never clash.
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  process.env.STRIPE_SECRET_KEY = "sk_test_fake";
  process.env.STRIPE_WEBHOOK_SECRET = FAKE_WEBHOOK_SECRET;
  process.env.STRIPE_API_BASE = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...fake,
    async close() {
      delete process.env.STRIPE_SECRET_KEY;
      delete process.env.STRIPE_WEBHOOK_SECRET;
      delete process.env.STRIPE_API_BASE;
      await new Promise((r) => server.close(r));
    },
  };
}
