import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { placeHold } from "@/server/billing/place-hold";
import { captureHold, releaseHold } from "@/server/billing/settle-hold";
import { readBalance } from "@/server/billing/get-balance";
import { accountBalance } from "@/server/billing/account-balance";
import { registryAccount, resellerAccount } from "@/server/billing/accounts";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { createReseller, createTier, createTldProduct, fundReseller } from "../../support/factories";

const OPERATOR = "posting-registry";

async function world(balances: number[], opts: { creditLimit?: number } = {}) {
  const product = await createTldProduct("com", 800, { operator: OPERATOR });
  const tier = await createTier("standard", { com: 1_000 });
  const resellers = [];
  for (const balance of balances) {
    const reseller = await createReseller();
    await fundReseller(reseller.id, tier.id, balance, opts);
    resellers.push(reseller);
  }
  return { product, resellers };
}

/** An order item to hold money for (what placeOrder would have written before holding). */
async function orderItem(resellerId: string, productId: string) {
  const order = await db.order.create({
    data: { resellerId, idempotencyKey: randomUUID(), currency: "USD", retailTotal: 0, wholesaleTotal: 0 },
  });
  return db.orderItem.create({
    data: {
      orderId: order.id,
      resellerId,
      kind: "domain_register",
      productId,
      subject: `${randomUUID().slice(0, 8)}.com`,
      retailAmount: 1_299,
      wholesaleAmount: 1_000,
      registryCost: 800,
      state: "paid",
    },
  });
}

const hold = (item: { id: string; orderId: string; resellerId: string }) =>
  placeHold(db, {
    resellerId: item.resellerId,
    orderItemId: item.id,
    orderId: item.orderId,
    amount: 1_000,
    currency: "USD",
  });
/** As fulfilment does: the item completes, then its hold is captured. */
async function capture(item: { id: string; orderId: string }) {
  await db.orderItem.update({ where: { id: item.id }, data: { state: "completed" } });
  return captureHold(db, item.id, item.orderId, { amount: 800, currency: "USD", operator: OPERATOR });
}

const postRaw = (doc: object) => db.$queryRaw`select ledger_post(${JSON.stringify(doc)}::jsonb)::text as r`;

describe("ledger posting", () => {
  it("holds and captures: held is the open holds, revenue and registry accounts are the sums of their lines", async () => {
    const { product, resellers } = await world([5_000]);
    const r = resellers[0];
    const item = await orderItem(r.id, product.id);

    expect(await hold(item)).toEqual({ created: true });
    expect(await readBalance(db, r.id)).toMatchObject({ available: 4_000, held: 1_000 });
    expect(await capture(item)).toEqual({ captured: true });

    expect(await readBalance(db, r.id)).toMatchObject({ available: 4_000, held: 0 });
    expect(await accountBalance(db, resellerAccount("reseller_held", r.id, "USD").id)).toBe(0);
    expect(await accountBalance(db, resellerAccount("registrar_revenue", r.id, "USD").id)).toBe(1_000);
    expect(await accountBalance(db, registryAccount("registry_payable", OPERATOR, "USD").id)).toBe(800);
    expect(await accountBalance(db, registryAccount("registry_cost", OPERATOR, "USD").id)).toBe(-800);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("updates no account row but the reseller's own available balance, whoever orders", async () => {
    const { product, resellers } = await world([50_000, 50_000]);
    const first = await orderItem(resellers[0].id, product.id);
    await hold(first);
    await capture(first);
    const versions = async () =>
      new Map(
        (await db.$queryRaw<{ id: string; v: string }[]>`select id, xmin::text as v from "LedgerAccount"`).map((a) => [
          a.id,
          a.v,
        ]),
      );
    const before = await versions();

    for (const r of resellers) {
      for (let i = 0; i < 3; i++) {
        const item = await orderItem(r.id, product.id);
        await hold(item);
        await capture(item);
      }
    }

    const after = await versions();
    const changed = [...after].filter(([id, v]) => before.get(id) !== v).map(([id]) => id);
    expect(changed.sort()).toEqual(resellers.map((r) => resellerAccount("reseller_available", r.id, "USD").id).sort());
    expect(await accountBalance(db, registryAccount("registry_payable", OPERATOR, "USD").id)).toBe(7 * 800);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("settles a hold once: the same way again changes nothing, the other way is refused", async () => {
    const { product, resellers } = await world([5_000]);
    const item = await orderItem(resellers[0].id, product.id);
    await hold(item);

    expect(await capture(item)).toEqual({ captured: true });
    expect(await capture(item)).toEqual({ captured: false });
    await expect(releaseHold(db, item.id, item.orderId)).rejects.toMatchObject({ code: "CONFLICT" });
    const missing = await orderItem(resellers[0].id, product.id);
    await expect(
      captureHold(db, missing.id, missing.orderId, undefined, {
        resellerId: resellers[0].id,
        amount: 1_000,
        currency: "USD",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await db.journalEntry.count({ where: { kind: "capture" } })).toBe(1);
    expect(await readBalance(db, resellers[0].id)).toMatchObject({ available: 4_000, held: 0 });
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("releases a hold back to the available balance", async () => {
    const { product, resellers } = await world([5_000]);
    const item = await orderItem(resellers[0].id, product.id);
    await hold(item);
    expect(await releaseHold(db, item.id, item.orderId)).toEqual({ released: true });
    expect(await releaseHold(db, item.id, item.orderId)).toEqual({ released: false });
    expect(await readBalance(db, resellers[0].id)).toMatchObject({ available: 5_000, held: 0 });
    expect((await db.hold.findUniqueOrThrow({ where: { orderItemId: item.id } })).status).toBe("released");
  });

  it("moves money once per key: placing the same hold again changes nothing, even with nothing left to spend", async () => {
    const { product, resellers } = await world([1_000]);
    const item = await orderItem(resellers[0].id, product.id);
    expect(await hold(item)).toEqual({ created: true });
    expect(await hold(item)).toEqual({ created: false });
    expect(await readBalance(db, resellers[0].id)).toMatchObject({ available: 0, held: 1_000 });
    expect(await db.hold.count()).toBe(1);
  });

  it("refuses a hold below available plus credit limit and writes nothing", async () => {
    const { product, resellers } = await world([500], { creditLimit: 400 });
    const item = await orderItem(resellers[0].id, product.id);
    const entries = await db.journalEntry.count();
    await expect(hold(item)).rejects.toMatchObject({ code: "INSUFFICIENT_BALANCE" });
    expect(await db.journalEntry.count()).toBe(entries);
    expect(await db.hold.count()).toBe(0);
    expect(await readBalance(db, resellers[0].id)).toMatchObject({ available: 500, held: 0 });
  });

  it("refuses, in the database, lines that do not balance or are not in their account's currency", async () => {
    const { resellers } = await world([5_000]);
    const id = resellers[0].id;
    const line = (kind: string, currency: string, amount: number) => ({
      account: `${kind}:${id}:USD`,
      kind,
      owner: id,
      currency,
      amount,
    });
    const entries = await db.journalEntry.count();
    await expect(
      postRaw({
        id: randomUUID(),
        key: "unbalanced",
        kind: "test",
        lines: [line("reseller_available", "USD", 100), line("manual_adjustments", "USD", -99)],
      }),
    ).rejects.toThrow(/does not balance/);
    await expect(
      postRaw({
        id: randomUUID(),
        key: "wrong-currency",
        kind: "test",
        lines: [line("reseller_available", "EUR", 100), line("manual_adjustments", "EUR", -100)],
      }),
    ).rejects.toThrow(/another currency than its account/);
    await expect(postRaw({ id: randomUUID(), key: "empty", kind: "test", lines: [] })).rejects.toThrow(/no lines/);
    expect(await db.journalEntry.count()).toBe(entries);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });
});
