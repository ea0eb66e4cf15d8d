/**
 * Branding becomes CSS custom properties, and only from values that pass validation again here: a
 * stored value that is somehow not `#rrggbb` falls back to the default rather than reaching CSS.
 * Used by the storefront layout and the branding editor's live preview, so both look the same.
 */
import { normalizeHexColor, readableOn } from "./colors";
import { FONT_STACKS, isFontChoice } from "./fonts";

export const DEFAULT_BRAND = {
  primaryColor: "#1d4ed8",
  accentColor: "#f59e0b",
  backgroundColor: "#ffffff",
  textColor: "#111827",
  font: "system",
} as const;

export type BrandLook = {
  primaryColor: string;
  accentColor: string;
  backgroundColor: string;
  textColor: string;
  font: string;
};

export function brandVariables(look: BrandLook): Record<string, string> {
  const primary = normalizeHexColor(look.primaryColor) ?? DEFAULT_BRAND.primaryColor;
  const accent = normalizeHexColor(look.accentColor) ?? DEFAULT_BRAND.accentColor;
  const bg = normalizeHexColor(look.backgroundColor) ?? DEFAULT_BRAND.backgroundColor;
  const text = normalizeHexColor(look.textColor) ?? DEFAULT_BRAND.textColor;
  return {
    "--brand-primary": primary,
    "--brand-on-primary": readableOn(primary),
    "--brand-accent": accent,
    "--brand-on-accent": readableOn(accent),
    "--brand-bg": bg,
    "--brand-text": text,
    "--brand-font": FONT_STACKS[isFontChoice(look.font) ? look.font : "system"],
  };
}
