import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { isAppError } from "@/server/errors";
import { placeOrder } from "@/server/orders/place-order";
import { completeItem, startProvisioning } from "@/server/orders/complete-item";
import { readBalance } from "@/server/billing/get-balance";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { createReseller, createTier, createTldProduct, fundReseller } from "../../support/factories";

describe("prepaid balance under concurrency", () => {
  it("accepts exactly the 120 of 200 concurrent orders the balance covers and refuses 80 with insufficient balance", async () => {
    await createTldProduct("com", 800);
    const tier = await createTier("standard", { com: 1_000 });
    const reseller = await createReseller();
    await fundReseller(reseller.id, tier.id, 120 * 1_000);
    const ctx = systemContext(reseller.id);

    // Watch the balance while orders race: it must never be seen below zero.
    let lowest = Infinity;
    let racing = true;
    const watcher = (async () => {
      while (racing) {
        lowest = Math.min(lowest, (await readBalance(db, reseller.id)).available);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        placeOrder(ctx, {
          resellerId: reseller.id,
          idempotencyKey: `race-${i}`,
          channel: "api",
          payment: "balance",
          items: [{ kind: "domain_register", productCode: "com", subject: `name-${i}.com` }],
        }),
      ),
    );
    racing = false;
    await watcher;

    const placed = results.filter((r) => r.status === "fulfilled").map((r) => r.value.order);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
    expect(placed).toHaveLength(120);
    expect(refused).toHaveLength(80);
    for (const e of refused) {
      expect(isAppError(e) && e.code).toBe("INSUFFICIENT_BALANCE");
      expect((e as Error).message).toMatch(/insufficient balance/i);
    }

    for (const order of placed) {
      await db.$transaction(async (tx) => {
        await startProvisioning(tx, order.items[0].id);
        await completeItem(tx, order.items[0].id);
      });
    }
    expect(await db.hold.count({ where: { status: "captured" } })).toBe(120);
    expect(await db.order.count()).toBe(120);
    const balance = await readBalance(db, reseller.id);
    expect(balance).toMatchObject({ available: 0, held: 0 });
    expect(lowest).toBeGreaterThanOrEqual(0);
    const report = await verifyLedger(db);
    expect(report.faults).toEqual([]);
    expect(report.ok).toBe(true);
  }, 300_000);

  it("never lets available plus credit limit go below zero when a credit limit is set", async () => {
    await createTldProduct("net", 500);
    const tier = await createTier("standard", { net: 1_000 });
    const reseller = await createReseller();
    await fundReseller(reseller.id, tier.id, 2_500, { creditLimit: 5_000 });
    const ctx = systemContext(reseller.id);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        placeOrder(ctx, {
          resellerId: reseller.id,
          idempotencyKey: `k-${i}`,
          channel: "api",
          payment: "balance",
          items: [{ kind: "domain_register", productCode: "net", subject: `n${i}.net` }],
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(7);
    const balance = await readBalance(db, reseller.id);
    expect(balance.available).toBe(-4_500);
    expect(balance.held).toBe(7_000);
    expect(balance.spendable).toBe(500);
  });
});
