/**
 * The storefront's launch forms (sunrise, landrush, pre-order) post through one action shape: the
 * order is always the signed-in registrant's on their own storefront, paid at checkout; the form's
 * own fields and the registrant contact (saved or typed) reach the service; the browser goes to the
 * order's payment page.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AreaContext } from "@/server/auth/require-context";
import { testRequest } from "@/server/action-client";
import {
  launchApplicationAction,
  type LaunchPlacing,
} from "@/app/(storefront)/[host]/account/_lib/launch-application-action";

const ctx: AreaContext<"storefront"> = {
  kind: "registrant",
  actorId: "reg-1",
  resellerId: "res-1",
  role: "registrant",
};

function capture() {
  const calls: { placing: LaunchPlacing; application: Record<string, unknown> }[] = [];
  const def = launchApplicationAction(
    { maxBid: z.string(), claimsNoticeId: z.string().optional() },
    async (_c, placing, application) => {
      calls.push({ placing, application });
      return { order: { id: "order-9" } };
    },
  );
  return { def, calls };
}

describe("a launch application action", () => {
  it("places the order for the signed-in registrant with the form's own fields and a saved contact", async () => {
    const { def, calls } = capture();
    const input = def.input.parse({
      idempotencyKey: "key-12345678",
      name: "brand.forge",
      years: "2",
      maxBid: "120.00",
      contactId: "contact-7",
      resellerId: "someone-else",
      smdFile: "not this form's",
    });
    const data = await def.handler(ctx, input, testRequest());
    expect(data).toEqual({ orderId: "order-9" });
    expect(def.redirectTo?.(data)).toBe("/orders/order-9/pay");
    expect(calls).toEqual([
      {
        placing: {
          resellerId: "res-1",
          registrantId: "reg-1",
          idempotencyKey: "key-12345678",
          channel: "storefront",
          payment: "checkout",
        },
        application: {
          name: "brand.forge",
          years: "2",
          maxBid: "120.00",
          claimsNoticeId: undefined,
          contactId: "contact-7",
        },
      },
    ]);
  });

  it("reads new contact details typed into the prefixed inputs", async () => {
    const { def, calls } = capture();
    const input = def.input.parse({
      idempotencyKey: "key-12345678",
      name: "brand.forge",
      maxBid: "50",
      contactId: "new",
      "contact-name": "Bea Bloom",
      "contact-email": "bea@bloom.example",
      "contact-countryCode": "GB",
    });
    await def.handler(ctx, input, testRequest());
    expect(calls[0].application).toMatchObject({
      contactId: null,
      contact: { name: "Bea Bloom", email: "bea@bloom.example", countryCode: "GB", city: "" },
    });
  });

  it("refuses a form without its own required field or a usable idempotency key", () => {
    const { def } = capture();
    expect(def.input.safeParse({ idempotencyKey: "key-12345678", name: "brand.forge" }).success).toBe(false);
    expect(def.input.safeParse({ idempotencyKey: "short", name: "brand.forge", maxBid: "5" }).success).toBe(false);
  });
});
