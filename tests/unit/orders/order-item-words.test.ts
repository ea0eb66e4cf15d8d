import { describe, expect, it } from "vitest";
import { OrderItemKind, OrderItemState } from "@/generated/prisma/enums";
import { orderItemDetail, orderItemKindWords, orderItemStateLabel, orderSummaryWords } from "@/lib/order-item-words";

const STATES = Object.values(OrderItemState);
const KINDS = Object.values(OrderItemKind);
const RAW = new RegExp(`\\b(${[...STATES, ...KINDS].filter((n) => n.includes("_")).join("|")})\\b|_`);

describe("order item words", () => {
  it.each(STATES)("give %s words a person reads, never the enum name", (state) => {
    for (const text of [
      orderItemStateLabel(state),
      orderItemStateLabel(state, "staff"),
      orderItemDetail({ state, kind: "domain_register" }),
    ]) {
      expect(text.trim().length).toBeGreaterThan(3);
      expect(text).not.toBe(state);
      expect(text).not.toMatch(RAW);
      expect(text.charAt(0)).toBe(text.charAt(0).toUpperCase());
    }
  });

  it.each(KINDS)("name the %s kind in words", (kind) => {
    const words = orderItemKindWords(kind);
    expect(words).not.toBe(kind);
    expect(words).not.toMatch(RAW);
  });

  it("say an unpaid order waits for payment, not that it is being worked on", () => {
    const s = orderSummaryWords(["pending_payment", "pending_payment"]);
    expect(s.label).toBe("Waiting for payment");
    expect(s.detail).not.toMatch(/working on it/i);
    expect(s.moving).toBe(false);
    expect(orderSummaryWords(["pending_payment"], { paymentOpen: true }).moving).toBe(true);
    expect(orderItemStateLabel("pending_payment")).toBe("Waiting for payment");
  });

  it("keep refreshing only while the engine is at work", () => {
    for (const s of ["paid", "queued", "provisioning"] as const) {
      expect(orderSummaryWords(["completed", s]).moving).toBe(true);
      expect(orderSummaryWords(["completed", s]).label).toBe("Working on it");
    }
    for (const s of ["pending_registry", "parked", "completed", "failed", "refunding", "refunded"] as const)
      expect(orderSummaryWords([s]).moving).toBe(false);
  });

  it("tell the registrant a parked item is being checked and nothing is charged twice; staff that it needs a person", () => {
    expect(orderSummaryWords(["completed", "parked"]).detail).toBe(
      "We are checking with the registry; you will hear from us. Nothing is charged twice.",
    );
    expect(orderItemStateLabel("parked", "staff")).toBe("Needs a person");
  });

  it("give a waiting transfer the current registrar's deadline when it is known", () => {
    expect(
      orderItemDetail({ state: "pending_registry", kind: "domain_transfer", pendingUntil: "2026-05-04T10:00:00.000Z" }),
    ).toMatch(/current registrar.*until 2026-05-04/);
    expect(orderItemDetail({ state: "pending_registry", kind: "domain_transfer" })).toMatch(/current registrar/);
  });

  it("add the reason to an item that ended without being done", () => {
    expect(orderItemDetail({ state: "refunded", kind: "domain_register", failureReason: "name already taken" })).toBe(
      "This was refunded. Name already taken.",
    );
    expect(orderItemDetail({ state: "completed", kind: "domain_register", failureReason: "ignored" })).toBe("Done.");
  });

  it("sum up a finished order: all done, partly done, refunded, or not done", () => {
    expect(orderSummaryWords(["completed", "completed"]).detail).toBe("Your order has finished.");
    expect(orderSummaryWords(["completed", "refunded"]).label).toBe("Partly done");
    expect(orderSummaryWords(["refunded"]).label).toBe("Refunded");
    expect(orderSummaryWords(["failed", "refunded"]).label).toBe("Could not be completed");
    expect(orderSummaryWords(["completed", "refunding"]).label).toBe("Refund on its way");
  });
});
