import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { placeOrder } from "@/server/orders/place-order";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { setLowBalanceThreshold } from "@/server/billing/update-billing-settings";
import { createReseller, createStaff, createTier, createTldProduct, fundReseller } from "../../support/factories";

async function funded(balance: number, threshold = 0) {
  await createTldProduct("com", 800);
  const tier = await createTier("standard", { com: 1_000 });
  const reseller = await createReseller();
  await fundReseller(reseller.id, tier.id, balance, { lowBalanceThreshold: threshold });
  return reseller;
}

const buy = (resellerId: string, key: string) =>
  placeOrder(systemContext(resellerId), {
    resellerId,
    idempotencyKey: key,
    channel: "api",
    payment: "balance",
    items: [{ kind: "domain_register", productCode: "com", subject: `${key}.com` }],
  });

describe("ledger integrity", () => {
  it("refuses, at commit, a journal entry whose lines do not sum to zero", async () => {
    const reseller = await funded(5_000);
    const account = `reseller_available:${reseller.id}:USD`;
    await expect(
      db.$transaction(async (tx) => {
        await tx.journalEntry.create({ data: { id: "bad-entry", key: "bad", kind: "test" } });
        await tx.journalLine.create({
          data: { entryId: "bad-entry", accountId: account, currency: "USD", amount: 100n },
        });
      }),
    ).rejects.toThrow(/does not balance/);
    expect(await db.journalEntry.count({ where: { key: "bad" } })).toBe(0);
  });

  it("refuses to change or delete a posted line: corrections are new entries", async () => {
    await funded(5_000);
    const line = await db.journalLine.findFirstOrThrow();
    await expect(db.journalLine.update({ where: { id: line.id }, data: { amount: 1n } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.journalEntry.deleteMany()).rejects.toThrow(/append-only/);
  });

  it("reports a cached balance that no longer equals the sum of its lines", async () => {
    const reseller = await funded(5_000);
    await buy(reseller.id, "a");
    expect((await verifyLedger(db)).ok).toBe(true);
    await db.ledgerAccount.update({
      where: { id: `reseller_available:${reseller.id}:USD` },
      data: { balance: { increment: 1 } },
    });
    const report = await verifyLedger(db);
    expect(report.ok).toBe(false);
    expect(report.faults.map((f) => f.check)).toContain("cached balance");
  });

  it("reports an account summed from its lines that stores a balance anyway", async () => {
    const reseller = await funded(5_000);
    await db.ledgerAccount.update({
      where: { id: `manual_adjustments:${reseller.id}:USD` },
      data: { balance: { increment: 1 } },
    });
    const report = await verifyLedger(db);
    expect(report.faults).toEqual([
      {
        check: "cached balance",
        detail: expect.stringMatching(/is summed from its lines \(-5000\) but stores a balance of 1/),
      },
    ]);
  });

  it("reports held amounts that no longer equal the open holds", async () => {
    const reseller = await funded(5_000);
    const { order } = await buy(reseller.id, "c");
    await db.hold.update({ where: { orderItemId: order.items[0].id }, data: { amount: 999 } });
    const report = await verifyLedger(db);
    expect(report.faults).toEqual([
      expect.objectContaining({
        check: "held equals open holds",
        detail: expect.stringMatching(/holds 1000 but open holds total 999/),
      }),
    ]);
  });

  it("reports a hold still held on a finished order item", async () => {
    const reseller = await funded(5_000);
    const { order } = await buy(reseller.id, "b");
    await db.orderItem.update({ where: { id: order.items[0].id }, data: { state: "completed" } });
    const report = await verifyLedger(db);
    expect(report.faults).toEqual([expect.objectContaining({ check: "hold agrees with its item" })]);
  });

  it("sends one low-balance mail per crossing, not one per order", async () => {
    const reseller = await funded(5_000, 3_500);
    await createStaff(reseller.id, "owner", { email: "owner@low.test" });
    for (const k of ["1", "2", "3"]) await buy(reseller.id, k);
    const mails = () => db.outboxMail.count({ where: { kind: "billing.low-balance", toAddress: "owner@low.test" } });
    expect(await mails()).toBe(1);
    // Raising the threshold starts a new watch; the next order below it warns again, once.
    await setLowBalanceThreshold(systemContext(reseller.id), { resellerId: reseller.id, threshold: 4_000 });
    await buy(reseller.id, "4");
    expect(await mails()).toBe(2);
  });
});
