/**
 * The cart cookie of this storefront host (host-only, so two storefronts never share a cart), and
 * beside it a readable count for the header: home, terms and privacy are cached whole for every
 * visitor (decision 095), so the header's count is read in the browser, never rendered on the server.
 */
import "server-only";
import { cookies } from "next/headers";
import { parseCart, type CartItem } from "@/server/domains/checkout/cart";
import { CART_COUNT_COOKIE } from "@/lib/cart-count";

const NAME = "cart";

export async function readCart(): Promise<CartItem[]> {
  return parseCart((await cookies()).get(NAME)?.value);
}

export async function writeCart(items: CartItem[]): Promise<void> {
  const jar = await cookies();
  if (!items.length) {
    jar.delete(NAME);
    jar.delete(CART_COUNT_COOKIE);
    return;
  }
  const options = { sameSite: "lax", path: "/", maxAge: 30 * 86_400 } as const;
  jar.set(NAME, JSON.stringify(items), { ...options, httpOnly: true });
  // Only a number, and only for the header: nothing is ever read back from it on the server.
  jar.set(CART_COUNT_COOKIE, String(items.length), { ...options, httpOnly: false });
}
