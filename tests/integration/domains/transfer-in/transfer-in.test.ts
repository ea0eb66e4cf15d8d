import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { getRegistry } from "@/server/registry/access";
import { applyTransferInResult } from "@/server/domains/transfer-in/apply-transfer-in-result";
import {
  createDomainCatalog,
  createDomainReseller,
  createRegistrant,
  startEppRegistry,
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

/** Reads the platform's poll queue and hands transfer results to applyTransferInResult, as the poll processor does. */
async function processPolls(): Promise<string[]> {
  const port = (await getRegistry()).forTld("com");
  const done: string[] = [];
  for (;;) {
    const { data: msg } = await port.pollRequest({});
    if (!msg) return done;
    if (msg.event?.kind === "transfer") done.push(await applyTransferInResult(msg.event.name, msg.event));
    await port.pollAck({ id: msg.id });
  }
}

async function setup(transport: "inprocess" | "epp" = "inprocess") {
  await createDomainCatalog();
  const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
  const { ctx } = await createRegistrant(reseller.id);
  reg = transport === "epp" ? await startEppRegistry() : startInProcessRegistry();
  await reg.rival.createDomain({ name: "moving-house.com", years: 1, authInfo: AUTH });
  // Past the 60-day lock that follows a registration.
  reg.admin.advanceClock({ days: 61 });
  return { ctx };
}

describe("transfer in", () => {
  it("requests the transfer, waits pending with the registry's date, and completes with a year added when the registry approves", async () => {
    const { ctx } = await setup();
    const before = reg?.registry.store.domains.get("moving-house.com")?.exDate ?? 0;
    const order = await buyAsRegistrant(ctx, {
      idempotencyKey: "transfer-key-1",
      items: [{ name: "moving-house.com", kind: "transfer", years: 1, privacy: false }],
      authCodes: { "moving-house.com": AUTH },
    });
    await drainFulfilment();
    const [item] = await db.orderItem.findMany({ where: { orderId: order.id }, include: { hold: true } });
    expect(item.state).toBe("pending_registry");
    expect(item.hold?.status).toBe("held");
    const pending = await db.domain.findUniqueOrThrow({ where: { name: "moving-house.com" } });
    expect(pending.state).toBe("pending_transfer_in");
    expect(pending.pendingTransferDeadline?.toISOString().slice(0, 10)).toBe("2026-08-06");

    reg?.admin.advanceClock({ days: 6 });
    const applied = await processPolls();
    expect(applied.join("\n")).toMatch(/completed \(serverApproved\)/);
    const done = await db.domain.findUniqueOrThrow({ where: { name: "moving-house.com" } });
    expect(done.state).toBe("active");
    const oneYearLater = new Date(before);
    oneYearLater.setUTCFullYear(oneYearLater.getUTCFullYear() + 1);
    expect(done.expiresAt?.toISOString()).toBe(oneYearLater.toISOString());
    const finished = await db.orderItem.findUniqueOrThrow({ where: { id: item.id }, include: { hold: true } });
    expect(finished.state).toBe("completed");
    expect(finished.hold?.status).toBe("captured");
    expect(reg?.registry.store.domains.get("moving-house.com")?.clID).toBe("platform");
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("refunds a transfer the current registrar rejects", async () => {
    const { ctx } = await setup();
    const order = await buyAsRegistrant(ctx, {
      idempotencyKey: "transfer-key-2",
      items: [{ name: "moving-house.com", kind: "transfer", years: 1, privacy: false }],
      authCodes: { "moving-house.com": AUTH },
    });
    await drainFulfilment();
    await reg?.rival.transferDomain({ op: "reject", name: "moving-house.com" });
    expect((await processPolls()).join("\n")).toMatch(/ended: clientRejected/);
    const [item] = await db.orderItem.findMany({ where: { orderId: order.id }, include: { hold: true } });
    expect(item.state).toBe("refunded");
    expect(item.hold?.status).toBe("released");
    expect(await db.domain.count({ where: { name: "moving-house.com" } })).toBe(0);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("fails and refunds at once when the auth code is wrong", async () => {
    const { ctx } = await setup();
    const order = await buyAsRegistrant(ctx, {
      idempotencyKey: "transfer-key-3",
      items: [{ name: "moving-house.com", kind: "transfer", years: 1, privacy: false }],
      authCodes: { "moving-house.com": "wrong-code-1" },
    });
    await drainFulfilment();
    const [item] = await db.orderItem.findMany({ where: { orderId: order.id } });
    expect(item.state).toBe("refunded");
    expect(item.failureReason).toMatch(/auth code is not valid/);
  });

  it("completes a transfer between the two registrar accounts over the real EPP server when the rival approves", async () => {
    const { ctx } = await setup("epp");
    await buyAsRegistrant(ctx, {
      idempotencyKey: "transfer-key-4",
      items: [{ name: "moving-house.com", kind: "transfer", years: 1, privacy: false }],
      authCodes: { "moving-house.com": AUTH },
    });
    await drainFulfilment();
    await reg?.rival.transferDomain({ op: "approve", name: "moving-house.com" });
    expect((await processPolls()).join("\n")).toMatch(/completed \(clientApproved\)/);
    expect((await db.domain.findUniqueOrThrow({ where: { name: "moving-house.com" } })).state).toBe("active");
  });
});
