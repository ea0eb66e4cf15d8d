/**
 * The cart: what a visitor means to buy, kept in a cookie (no account needed to fill it). Prices and
 * availability are never taken from it: checkout asks the registry and the price list again.
 */
import { z } from "zod";
import { AppError } from "@/server/errors";

export const CART_LIMIT = 20;

export const cartItemSchema = z.object({
  name: z.string().min(3).max(253),
  kind: z.enum(["register", "transfer"]),
  years: z.number().int().min(1).max(10),
  privacy: z.boolean(),
});

export type CartItem = z.infer<typeof cartItemSchema>;

export const cartSchema = z.array(cartItemSchema).max(CART_LIMIT);

export function parseCart(raw: string | undefined): CartItem[] {
  if (!raw) return [];
  try {
    const parsed = cartSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** The refusal a full cart gives: the visitor chooses what goes, never the cart. */
export function cartFullMessage(): string {
  return `Your cart holds ${CART_LIMIT} names; check out or remove one first.`;
}

/** Adding a name already in the cart replaces its line; a new name never pushes another one out. */
export function addToCart(cart: CartItem[], item: CartItem): CartItem[] {
  const rest = cart.filter((i) => i.name !== item.name);
  if (rest.length >= CART_LIMIT) throw new AppError("CONFLICT", cartFullMessage());
  return [...rest, item];
}

export function updateCartItem(cart: CartItem[], name: string, change: Partial<Omit<CartItem, "name">>): CartItem[] {
  return cart.map((i) => (i.name === name ? cartItemSchema.parse({ ...i, ...change }) : i));
}

export function removeFromCart(cart: CartItem[], name: string): CartItem[] {
  return cart.filter((i) => i.name !== name);
}
