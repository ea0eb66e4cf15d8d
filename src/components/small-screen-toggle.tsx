"use client";
/**
 * Content that is always shown on wide screens and folds behind a button on small ones (filters, a
 * bulk form), so a phone shows the list first. The button says what it opens and whether it is open.
 */
import { useId, useState } from "react";
import { buttonClasses } from "./button";

export function SmallScreenToggle({
  label,
  children,
  className = "",
}: {
  label: string;
  children: React.ReactNode;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className={className}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className={buttonClasses("secondary", "mb-3 w-full justify-between md:hidden")}
      >
        {label}
        <span aria-hidden="true">{open ? "▴" : "▾"}</span>
      </button>
      <div id={id} className={open ? "block" : "hidden md:block"}>
        {children}
      </div>
    </div>
  );
}
