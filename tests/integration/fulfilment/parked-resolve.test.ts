import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { resolveParkedItem } from "@/server/fulfilment/parked/resolve-parked-item";
import { retryParkedItem } from "@/server/fulfilment/parked/retry-parked-item";
import { resolveParkedAction } from "@/app/(console)/console/needs-attention/actions";
import { resolveParkedAsRegistrar } from "@/app/(registrar)/registrar/needs-attention/actions";
import { AppError } from "@/server/errors";
import { createRegistrarStaff, createReseller, createStaff } from "../../support/factories";
import { createParkedItem, entriesOfKind, RETAIL } from "./parked-fixture";

async function world() {
  const reseller = await createReseller();
  const owner = await createStaff(reseller.id, "owner");
  const parked = await createParkedItem(reseller.id);
  return { reseller, owner, parked };
}

const finishedMails = (resellerId: string) => db.outboxMail.count({ where: { resellerId, kind: "order.finished" } });

describe("resolving a parked item", () => {
  it("as done: completes it with exactly one capture, pays the reseller, and mails the customer once", async () => {
    const { reseller, owner, parked } = await world();
    const r = await resolveParkedAction.run(owner.ctx, {
      itemId: parked.item.id,
      outcome: "done",
      note: "Registry web console shows it created at 10:02 under our account.",
    });
    expect(r).toEqual({ ok: true, data: { itemId: parked.item.id, outcome: "done" } });

    expect((await db.orderItem.findUniqueOrThrow({ where: { id: parked.item.id } })).state).toBe("completed");
    expect((await db.hold.findUniqueOrThrow({ where: { orderItemId: parked.item.id } })).status).toBe("captured");
    expect(await entriesOfKind(parked.order.id, "capture")).toBe(1);
    expect(await entriesOfKind(parked.order.id, "registrant_payment_earned")).toBe(1);
    expect(await entriesOfKind(parked.order.id, "refund")).toBe(0);
    expect((await db.fulfilmentRun.findUniqueOrThrow({ where: { itemId: parked.item.id } })).finishedAt).not.toBeNull();
    expect(await finishedMails(reseller.id)).toBe(1);
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityId: parked.item.id, action: "order_item.parked.resolve" },
    });
    expect(audit.after).toMatchObject({
      outcome: "done",
      note: "Registry web console shows it created at 10:02 under our account.",
    });

    // Deciding again is refused, and nothing is charged twice.
    const again = await resolveParkedAction.run(owner.ctx, { itemId: parked.item.id, outcome: "done", note: "again" });
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
    const other = await resolveParkedAction.run(owner.ctx, { itemId: parked.item.id, outcome: "failed", note: "oops" });
    expect(other).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await entriesOfKind(parked.order.id, "capture")).toBe(1);
    expect(await entriesOfKind(parked.order.id, "refund")).toBe(0);
    expect(await finishedMails(reseller.id)).toBe(1);
  });

  it("as failed: returns the hold, refunds the customer exactly once, and a second decision is refused", async () => {
    const { reseller, parked } = await world();
    const admin = await createRegistrarStaff("registrar_admin");
    const r = await resolveParkedAsRegistrar.run(admin.ctx, {
      itemId: parked.item.id,
      outcome: "failed",
      note: "Registry support confirmed no create arrived.",
    });
    expect(r).toEqual({ ok: true, data: { itemId: parked.item.id, outcome: "refunded" } });

    const item = await db.orderItem.findUniqueOrThrow({ where: { id: parked.item.id } });
    expect(item.state).toBe("refunded");
    // The customer reads a plain reason; the person's note stays in the audit log.
    expect(item.failureReason).toBe("It could not be completed at the registry.");
    expect((await db.hold.findUniqueOrThrow({ where: { orderItemId: parked.item.id } })).status).toBe("released");
    expect(await entriesOfKind(parked.order.id, "release")).toBe(1);
    expect(await entriesOfKind(parked.order.id, "refund")).toBe(1);
    expect(await entriesOfKind(parked.order.id, "capture")).toBe(0);
    const refunded = await db.journalLine.aggregate({
      where: { entry: { orderId: parked.order.id, kind: "refund" }, account: { kind: "refunds_paid" } },
      _sum: { amount: true },
    });
    expect(refunded._sum.amount).toBe(BigInt(RETAIL));
    expect(await finishedMails(reseller.id)).toBe(1);

    const again = await resolveParkedAsRegistrar.run(admin.ctx, {
      itemId: parked.item.id,
      outcome: "failed",
      note: "Clicked twice.",
    });
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await entriesOfKind(parked.order.id, "refund")).toBe(1);
    expect(await finishedMails(reseller.id)).toBe(1);
  });

  it("lets exactly one of two people deciding at once win", async () => {
    const { owner, parked } = await world();
    const admin = await createStaff(owner.ctx.resellerId, "admin");
    const outcomes = await Promise.allSettled([
      resolveParkedItem(owner.ctx, parked.item.id, { outcome: "done", note: "Seen at the registry." }),
      resolveParkedItem(admin.ctx, parked.item.id, { outcome: "failed", note: "Not at the registry." }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(AppError);
    expect((refused?.reason as AppError).code).toBe("CONFLICT");
    const money = (await entriesOfKind(parked.order.id, "capture")) + (await entriesOfKind(parked.order.id, "refund"));
    expect(money).toBe(1);
  });

  it("refuses an item that is not parked, even though the item could otherwise complete from there", async () => {
    const { owner, parked } = await world();
    await retryParkedItem(owner.ctx, parked.item.id);
    const r = await resolveParkedAction.run(owner.ctx, { itemId: parked.item.id, outcome: "done", note: "Seen it." });
    expect(r).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: parked.item.id } })).state).toBe("provisioning");
    expect(await entriesOfKind(parked.order.id, "capture")).toBe(0);
  });

  it("needs a note of 3 to 500 characters", async () => {
    const { owner, parked } = await world();
    for (const note of ["", "ok", "x".repeat(501)]) {
      const r = await resolveParkedAction.run(owner.ctx, { itemId: parked.item.id, outcome: "failed", note });
      expect(r).toMatchObject({ ok: false, code: "INVALID_INPUT", fields: { note: expect.any(String) } });
    }
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: parked.item.id } })).state).toBe("parked");
  });
});
