"use client";
/**
 * Console navigation that marks the current page (aria-current). On wide screens a sidebar; on small
 * ones a menu button naming the current page that opens the list as a drawer, closed again by
 * choosing a page or pressing Escape.
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

export type NavItem = { href: string; label: string };

function isCurrent(item: NavItem, pathname: string, rootHref: string): boolean {
  return item.href === rootHref
    ? pathname === rootHref
    : pathname === item.href || pathname.startsWith(`${item.href}/`);
}

export function NavLinks({ items, rootHref }: { items: readonly NavItem[]; rootHref: string }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [shownFor, setShownFor] = useState(pathname);
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const current = items.find((item) => isCurrent(item, pathname, rootHref));

  // A page was chosen: the drawer has done its work (adjusting state while rendering, not in an effect).
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center justify-between rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 md:hidden"
      >
        <span>
          <span className="text-slate-600">Menu</span>
          {current && <span className="ml-2">· {current.label}</span>}
        </span>
        <span aria-hidden="true">{open ? "✕" : "☰"}</span>
      </button>
      <ul
        id={listId}
        className={`${open ? "mt-2 flex" : "hidden"} flex-col gap-1 rounded-md border border-slate-200 bg-white p-2 shadow-sm md:mt-0 md:flex md:border-0 md:bg-transparent md:p-0 md:shadow-none`}
      >
        {items.map((item) => {
          const here = isCurrent(item, pathname, rootHref);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={here ? "page" : undefined}
                onClick={() => setOpen(false)}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${
                  here ? "bg-indigo-50 text-indigo-800" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </>
  );
}
