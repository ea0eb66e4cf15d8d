import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { getRegistry } from "@/server/registry/access";
import { recheckTransfersIn } from "@/server/domains/transfer-in/recheck-transfers-in";
import {
  createDomainCatalog,
  createDomainReseller,
  createRegistrant,
  startInProcessRegistry,
  type TestRegistry,
} from "../../../support/factories";
import { buyAsRegistrant, clearFulfilmentQueue, drainFulfilment } from "../fulfilment/helpers";

let reg: TestRegistry | undefined;
beforeEach(clearFulfilmentQueue);
afterEach(async () => {
  await reg?.close();
  reg = undefined;
});

const AUTH = "Rival-Auth-9876!";

/** The poll message arrived before our pending row committed (or was lost): it is read and gone. */
async function losePollMessages(): Promise<void> {
  const port = (await getRegistry()).forTld("com");
  for (;;) {
    const { data: msg } = await port.pollRequest({});
    if (!msg) return;
    await port.pollAck({ id: msg.id });
  }
}

async function transferPending(key: string) {
  await createDomainCatalog();
  const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
  const { ctx } = await createRegistrant(reseller.id);
  reg = startInProcessRegistry();
  await reg.rival.createDomain({ name: "moving-house.com", years: 1, authInfo: AUTH });
  reg.admin.advanceClock({ days: 61 });
  const order = await buyAsRegistrant(ctx, {
    idempotencyKey: key,
    items: [{ name: "moving-house.com", kind: "transfer", years: 1, privacy: false }],
    authCodes: { "moving-house.com": AUTH },
  });
  await drainFulfilment();
  const [item] = await db.orderItem.findMany({ where: { orderId: order.id } });
  expect(item.state).toBe("pending_registry");
  return item;
}

describe("transfers in whose poll message never reached us", () => {
  it("are asked about at the registry and complete when the transfer was approved", async () => {
    const item = await transferPending("recheck-1");
    await reg?.rival.transferDomain({ op: "approve", name: "moving-house.com" });
    await losePollMessages();

    // Quiet for less than the interval: not asked yet.
    expect(await recheckTransfersIn({ olderThanMs: 60_000 })).toBe(0);
    expect(await recheckTransfersIn({ olderThanMs: 0 })).toBe(1);

    const done = await db.orderItem.findUniqueOrThrow({ where: { id: item.id }, include: { hold: true } });
    expect(done.state).toBe("completed");
    expect(done.hold?.status).toBe("captured");
    expect((await db.domain.findUniqueOrThrow({ where: { name: "moving-house.com" } })).state).toBe("active");
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("refund when the current registrar rejected it", async () => {
    const item = await transferPending("recheck-2");
    await reg?.rival.transferDomain({ op: "reject", name: "moving-house.com" });
    await losePollMessages();

    expect(await recheckTransfersIn({ olderThanMs: 0 })).toBe(1);
    const done = await db.orderItem.findUniqueOrThrow({ where: { id: item.id }, include: { hold: true } });
    expect(done.state).toBe("refunded");
    expect(done.hold?.status).toBe("released");
    expect(await db.domain.count({ where: { name: "moving-house.com" } })).toBe(0);
  });

  it("stay pending, asked once per interval, while the losing registrar has not answered", async () => {
    const item = await transferPending("recheck-3");
    expect(await recheckTransfersIn({ olderThanMs: 0 })).toBe(0);
    const asked = await db.domain.findUniqueOrThrow({ where: { name: "moving-house.com" } });
    expect(asked.state).toBe("pending_transfer_in");
    expect(asked.lastSyncedAt).not.toBeNull();
    const queries = () =>
      db.domainOperation.count({ where: { domainName: "moving-house.com", operation: "transferDomain" } });
    const before = await queries();
    expect(before).toBeGreaterThanOrEqual(2); // the request and the recheck's query
    await recheckTransfersIn({ olderThanMs: 60_000 });
    expect(await queries()).toBe(before);
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: item.id } })).state).toBe("pending_registry");
  });
});
