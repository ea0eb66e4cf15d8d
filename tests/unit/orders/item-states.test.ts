import { describe, expect, it } from "vitest";
import { allowedFrom, canTransition } from "@/server/orders/item-states";

describe("order item states", () => {
  it("follow pending_payment → paid → provisioning → completed", () => {
    expect(canTransition("pending_payment", "paid")).toBe(true);
    expect(canTransition("paid", "provisioning")).toBe(true);
    expect(canTransition("provisioning", "completed")).toBe(true);
  });
  it("allow queued pre-registrations and answers the registry gives later", () => {
    expect(canTransition("paid", "queued")).toBe(true);
    expect(canTransition("queued", "provisioning")).toBe(true);
    expect(canTransition("provisioning", "pending_registry")).toBe(true);
    expect(canTransition("pending_registry", "completed")).toBe(true);
  });
  it("refund only what failed or was completed, through refunding while the payment provider confirms", () => {
    expect(allowedFrom("refunding").sort()).toEqual(["completed", "failed"]);
    expect(allowedFrom("refunded").sort()).toEqual(["completed", "failed", "refunding"]);
    expect(canTransition("refunding", "completed")).toBe(false);
  });
  it("refuse skipping payment or going back", () => {
    expect(canTransition("pending_payment", "provisioning")).toBe(false);
    expect(canTransition("completed", "paid")).toBe(false);
    expect(canTransition("refunded", "paid")).toBe(false);
  });
});
