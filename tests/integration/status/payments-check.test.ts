import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { checkPayments } from "@/server/status/check-components";
import { setTestPaymentsFault } from "@/server/payments/test-provider";
import { createReseller } from "../../support/factories";

const MINUTE = 60_000;
let resellerId: string;

beforeEach(async () => {
  resellerId = (await createReseller()).id;
});
afterEach(() => setTestPaymentsFault(undefined));

type Ended = "succeeded" | "bounced" | "mismatched" | "abandoned";

/** Payments that ended `minutesAgo` before now, as the webhook handlers leave them. */
async function ended(now: Date, outcomes: Partial<Record<Ended, number>>, minutesAgo = 10) {
  const completedAt = new Date(now.getTime() - minutesAgo * MINUTE);
  const rows = Object.entries(outcomes).flatMap(([outcome, n]) =>
    Array.from({ length: n }, () => ({
      resellerId,
      purpose: "order" as const,
      provider: "test",
      amount: 1_000,
      currency: "USD",
      completedAt,
      ...(outcome === "succeeded"
        ? { status: "succeeded" as const }
        : outcome === "mismatched"
          ? { status: "mismatched" as const, note: "Paid 5.00 USD, expected 10.00 USD." }
          : outcome === "bounced"
            ? { status: "canceled" as const, note: "The payment method was declined after checkout." }
            : { status: "canceled" as const }),
    })),
  );
  await db.payment.createMany({ data: rows });
}

describe("the payments health check", () => {
  it("asks the provider through the payment port: operational in test mode, down while the stand-in is made to fail", async () => {
    const now = new Date();
    expect(await checkPayments(now)).toMatchObject({
      component: "payments",
      state: "operational",
      detail: "Test mode: payments are simulated and no card is charged.",
    });
    setTestPaymentsFault("unavailable");
    expect(await checkPayments(now)).toMatchObject({
      state: "down",
      detail: "Card payments cannot be taken at the moment.",
      latencyMs: null,
    });
    setTestPaymentsFault(null);
    expect((await checkPayments(now)).state).toBe("operational");
  });

  it("degrades, then downs, payments by the share of the last hour's ended payments that failed", async () => {
    const now = new Date();
    // Abandoned checkouts are neither failures nor successes, and older payments are out of the window.
    await ended(now, { succeeded: 8, bounced: 1, mismatched: 1, abandoned: 30 });
    await ended(now, { bounced: 20 }, 70);
    expect(await checkPayments(now)).toMatchObject({
      state: "degraded",
      detail: "More payments than usual are failing.",
    });
    // 8 of 16 failed.
    await ended(now, { bounced: 6 });
    expect(await checkPayments(now)).toMatchObject({
      state: "down",
      detail: "Most payments are failing at the moment.",
    });
  });

  it("says nothing from a handful of payments: one bounce of three is not an outage", async () => {
    const now = new Date();
    await ended(now, { succeeded: 2, bounced: 1, abandoned: 20 });
    expect((await checkPayments(now)).state).toBe("operational");
    // The provider not answering wins over any rate.
    setTestPaymentsFault("unavailable");
    expect((await checkPayments(now)).state).toBe("down");
  });
});
