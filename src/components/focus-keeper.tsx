"use client";
/**
 * Keeps keyboard focus on the page when what held it disappears: a row removed by an action, a form
 * replaced by its confirmation, a page changed by a redirect. Without this the browser parks focus on
 * <body> and a keyboard or screen-reader user starts again from the top, having heard nothing.
 *
 * It also renders the page's announcer: a status line that says what just happened when the form
 * that did it is gone, and takes focus so the words are read. It stays until the next announcement.
 */
import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";

const ANNOUNCER_ID = "page-announcer";
const EVENT = "page-announce";

/** Says `message` in the page's announcer and moves focus there (or to the page's main region). */
export function announce(message: string): void {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: message }));
  window.setTimeout(() => {
    const target = document.getElementById(ANNOUNCER_ID) ?? document.querySelector("main");
    if (target instanceof HTMLElement) {
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    }
  }, 0);
}

function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

export function FocusKeeper() {
  const [said, setSaid] = useState({ message: "", pathname: "" });
  const pathname = usePathname();
  // A new page: the old announcement belongs to the old one.
  const message = said.pathname === pathname ? said.message : "";

  useEffect(() => {
    const onAnnounce = (e: Event) => setSaid({ message: (e as CustomEvent<string>).detail, pathname });
    window.addEventListener(EVENT, onAnnounce);
    return () => window.removeEventListener(EVENT, onAnnounce);
  }, [pathname]);

  useEffect(() => {
    let last: Element | null = document.activeElement;
    const onFocusIn = (e: FocusEvent) => {
      last = e.target instanceof Element ? e.target : null;
    };
    // Removing the focused element fires no event; a mutation that disconnects it is the signal.
    const observer = new MutationObserver(() => {
      if (!last || last === document.body || last.isConnected || !focusLost()) return;
      last = null;
      const main = document.getElementById("main");
      const heading = main?.querySelector("h1");
      const target = heading ?? main;
      if (target instanceof HTMLElement) {
        if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
        target.focus({ preventScroll: true });
      }
    });
    document.addEventListener("focusin", onFocusIn);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      observer.disconnect();
    };
  }, []);

  return (
    <p
      id={ANNOUNCER_ID}
      role="status"
      tabIndex={-1}
      className={
        message
          ? "fixed right-4 bottom-4 z-50 max-w-sm rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900 shadow-lg"
          : "sr-only"
      }
    >
      {message}
    </p>
  );
}
