"use server";
/** Places the order from the cart (read from the cookie, never from the form) and sends the registrant to pay. */
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { AppError } from "@/server/errors";
import { placeDomainOrder } from "@/server/domains/checkout/place-domain-order";
import type { ContactFields } from "@/lib/contact-rules";
import { readCart, writeCart } from "../cart/_lib/cart-cookie";

const CONTACT_KEYS = [
  "name",
  "organization",
  "email",
  "phone",
  "street1",
  "street2",
  "city",
  "state",
  "postalCode",
  "countryCode",
] as const;

function prefixed(raw: Record<string, unknown>, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw)
      .filter(([k, v]) => k.startsWith(prefix) && typeof v === "string")
      .map(([k, v]) => [k.slice(prefix.length), String(v)]),
  );
}

export const placeOrderAction = defineAction({
  area: "storefront",
  roles: ["registrant"],
  input: z.record(z.string(), z.unknown()),
  handler: async (ctx, raw) => {
    const items = await readCart();
    if (!items.length) throw new AppError("INVALID_INPUT", "Your cart is empty.");
    const str = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
    // Plain field names, the same keys the contact rules answer with, so each error finds its field.
    const contact = Object.fromEntries(CONTACT_KEYS.map((k) => [k, str(k)])) as ContactFields;
    const savedContact = str("contactId");
    const result = await placeDomainOrder(ctx, {
      resellerId: ctx.resellerId,
      idempotencyKey: str("idempotencyKey"),
      items,
      nameservers:
        str("nsMode") === "custom"
          ? str("nameservers")
              .split(/[\s,]+/)
              .filter(Boolean)
          : null,
      contactId: savedContact && savedContact !== "new" ? savedContact : null,
      contact: savedContact && savedContact !== "new" ? undefined : contact,
      authCodes: prefixed(raw, "authCode:"),
      claimsAccepted: prefixed(raw, "claims:"),
    });
    await writeCart([]);
    return { orderId: result.order.id };
  },
  redirectTo: (data) => `/orders/${data.orderId}/pay`,
});
