/**
 * Page titles are named one way: "Page · Product". The console host's public pages and the root
 * fallback say the platform's name; each console says its own, so a browser tab tells them apart.
 */
import type { Metadata } from "next";

export const PLATFORM_NAME = "Reseller Platform";
export const RESELLER_CONSOLE_NAME = "Reseller console";
export const REGISTRAR_CONSOLE_NAME = "Registrar console";

export function pageTitle(page: string, product: string = PLATFORM_NAME): string {
  return `${page} · ${product}`;
}

/** The `title` a layout gives its pages: each page sets only its own name. */
export function titleTemplate(product: string): NonNullable<Metadata["title"]> {
  return { template: pageTitle("%s", product), default: product };
}
