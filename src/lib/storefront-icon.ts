/**
 * A storefront's icon for the browser tab: its logo when it has one, else its initial on its brand
 * colour. A data: URL (the CSP allows data: images), so it needs no route and the page that names it
 * stays the same for every visitor.
 */
import { brandVariables, type BrandLook } from "./brand-theme";

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function initialIconSvg(name: string, look: BrandLook): string {
  const vars = brandVariables(look);
  // The first letter as a person reads it (a whole emoji or accented letter, not half of one).
  const initial = Array.from(name.trim())[0]?.toUpperCase() ?? "?";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">` +
    `<rect width="32" height="32" rx="7" fill="${vars["--brand-primary"]}"/>` +
    `<text x="16" y="22.5" text-anchor="middle" font-family="system-ui,sans-serif" font-size="19" font-weight="700" fill="${vars["--brand-on-primary"]}">${escapeXml(initial)}</text>` +
    `</svg>`
  );
}

export function storefrontIconUrl(name: string, look: BrandLook, logoUrl: string | null): string {
  return logoUrl ?? `data:image/svg+xml,${encodeURIComponent(initialIconSvg(name, look))}`;
}
