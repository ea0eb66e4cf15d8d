"use client";
/** Opens the browser's print dialog; the receipt's print styles hide everything else. */
import { buttonClasses } from "@/components/button";

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={buttonClasses("brand")}>
      Print receipt
    </button>
  );
}
