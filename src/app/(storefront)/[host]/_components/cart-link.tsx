"use client";
/**
 * The header's cart link with the visitor's count. Read from a cookie in the browser: the server
 * renders "Cart" for everyone (the cached pages stay the same for every visitor) and the count
 * appears once the page runs. It follows the cookie as actions change it.
 */
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { cartCountFromCookies, cartLinkText } from "@/lib/cart-count";

type CookieStoreLike = EventTarget;

function subscribe(onChange: () => void): () => void {
  // Chromium tells us when a cookie changes; elsewhere a return to the tab or a page show does.
  const store = (window as unknown as { cookieStore?: CookieStoreLike }).cookieStore;
  store?.addEventListener("change", onChange);
  window.addEventListener("focus", onChange);
  window.addEventListener("pageshow", onChange);
  return () => {
    store?.removeEventListener("change", onChange);
    window.removeEventListener("focus", onChange);
    window.removeEventListener("pageshow", onChange);
  };
}

export function CartLink({ className }: { className: string }) {
  const count = useSyncExternalStore(
    subscribe,
    () => cartCountFromCookies(document.cookie),
    () => 0,
  );
  return (
    <Link className={className} href="/cart" data-testid="header-cart">
      {cartLinkText(count)}
    </Link>
  );
}
