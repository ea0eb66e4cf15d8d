/**
 * The number of names in the cart, as the header shows it. The server writes it in a readable
 * cookie next to the cart itself; the browser reads it, so a page cached for every visitor still
 * shows each visitor their own count.
 */
export const CART_COUNT_COOKIE = "cart_count";

/** The count in a `document.cookie` string; 0 when absent or not a small whole number. */
export function cartCountFromCookies(cookieHeader: string): number {
  for (const part of cookieHeader.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== CART_COUNT_COOKIE) continue;
    const value = rest.join("=");
    if (!/^\d{1,3}$/.test(value)) return 0;
    return Number(value);
  }
  return 0;
}

/** "Cart" or "Cart (3)": the link's whole name, so a screen reader hears the count with it. */
export function cartLinkText(count: number): string {
  return count > 0 ? `Cart (${count})` : "Cart";
}
