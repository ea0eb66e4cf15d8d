/** The cart cookie of this storefront host (host-only, so two storefronts never share a cart). */
import "server-only";
import { cookies } from "next/headers";
import { parseCart, type CartItem } from "@/server/domains/checkout/cart";

const NAME = "cart";

export async function readCart(): Promise<CartItem[]> {
  return parseCart((await cookies()).get(NAME)?.value);
}

export async function writeCart(items: CartItem[]): Promise<void> {
  const jar = await cookies();
  if (!items.length) jar.delete(NAME);
  else jar.set(NAME, JSON.stringify(items), { httpOnly: true, sameSite: "lax", path: "/", maxAge: 30 * 86_400 });
}
