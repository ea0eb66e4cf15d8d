"use server";
/** Cart changes: public (a visitor fills the cart before signing in); names are parsed, never trusted. */
import { z } from "zod";
import { definePublicAction } from "@/server/action-client";
import { AppError } from "@/server/errors";
import { tryParseDomainName } from "@/lib/domain-name";
import { addToCart, CART_LIMIT, removeFromCart, updateCartItem } from "@/server/domains/checkout/cart";
import { readCart, writeCart } from "./_lib/cart-cookie";

function aLabel(name: string): string {
  const r = tryParseDomainName(name);
  if (!r.ok) throw new AppError("INVALID_INPUT", r.message);
  return r.name.ascii;
}

function sellingOrThrow(status: string) {
  if (status !== "active")
    throw new AppError("RESELLER_SUSPENDED", "This store is not selling domain names right now.");
}

export const addToCartAction = definePublicAction({
  area: "storefront",
  input: z.object({
    name: z.string().min(3).max(253),
    kind: z.enum(["register", "transfer"]).default("register"),
    years: z.coerce.number().int().min(1).max(10).default(1),
  }),
  handler: async (req, input) => {
    sellingOrThrow(req.storefront.status);
    const name = aLabel(input.name);
    await writeCart(addToCart(await readCart(), { name, kind: input.kind, years: input.years, privacy: false }));
    return { name };
  },
});

/** Bulk search's "add all available": every name or none, so the cart never drops one silently. */
export const addManyToCartAction = definePublicAction({
  area: "storefront",
  input: z.object({
    names: z
      .string()
      .min(3)
      .max(20 * 254),
  }),
  handler: async (req, input) => {
    sellingOrThrow(req.storefront.status);
    const names = [
      ...new Set(
        input.names
          .split(/[\s,]+/)
          .filter(Boolean)
          .map(aLabel),
      ),
    ];
    const cart = await readCart();
    const adding = names.filter((n) => !cart.some((i) => i.name === n));
    if (cart.length + adding.length > CART_LIMIT)
      throw new AppError(
        "INVALID_INPUT",
        `Your cart holds at most ${CART_LIMIT} names and has room for ${CART_LIMIT - cart.length} more: add fewer, or check out first.`,
      );
    await writeCart(
      adding.reduce((c, name) => addToCart(c, { name, kind: "register", years: 1, privacy: false }), cart),
    );
    return { names, added: adding.length };
  },
});

export const updateCartAction = definePublicAction({
  area: "storefront",
  input: z.object({ name: z.string(), years: z.coerce.number().int().min(1).max(10), privacy: z.string().optional() }),
  handler: async (_req, input) => {
    await writeCart(
      updateCartItem(await readCart(), input.name, { years: input.years, privacy: input.privacy === "on" }),
    );
    return { name: input.name };
  },
});

export const removeFromCartAction = definePublicAction({
  area: "storefront",
  input: z.object({ name: z.string() }),
  handler: async (_req, input) => {
    await writeCart(removeFromCart(await readCart(), input.name));
    return { name: input.name };
  },
});
