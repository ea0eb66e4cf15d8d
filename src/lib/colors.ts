/**
 * Brand colours are data: only `#rrggbb` is accepted, and the pairs a storefront draws on top of each
 * other must stay readable (WCAG 2.2 contrast ratios). Pure, so the branding editor's live preview
 * and the server give the same verdict.
 */
const HEX = /^#[0-9a-f]{6}$/i;

export function isHexColor(value: string): boolean {
  return HEX.test(value);
}

/** Lower-case `#rrggbb`, or null when the value is not one. */
export function normalizeHexColor(value: string): string | null {
  const v = value.trim();
  return isHexColor(v) ? v.toLowerCase() : null;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  if (!isHexColor(hex)) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = Number.parseInt(hex.slice(1), 16);
  const r = channel((n >> 16) & 0xff);
  const g = channel((n >> 8) & 0xff);
  const b = channel(n & 0xff);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  const [hi, lo] = la > lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

/** Body text needs 4.5:1 (WCAG AA); buttons, links and borders need 3:1 against what is behind them. */
export const MIN_TEXT_CONTRAST = 4.5;
export const MIN_UI_CONTRAST = 3;

const LIGHT = "#ffffff";
const DARK = "#111827";

/** White or near-black, whichever reads better on `background` (for text on brand-coloured buttons). */
export function readableOn(background: string): string {
  return contrastRatio(background, LIGHT) >= contrastRatio(background, DARK) ? LIGHT : DARK;
}

export type BrandColors = { primaryColor: string; accentColor: string; backgroundColor: string; textColor: string };

/** Field-keyed problems with a colour set; empty when it is fine. */
export function brandColorProblems(c: BrandColors): Partial<Record<keyof BrandColors, string>> {
  const problems: Partial<Record<keyof BrandColors, string>> = {};
  for (const key of ["primaryColor", "accentColor", "backgroundColor", "textColor"] as const) {
    if (!isHexColor(c[key])) problems[key] = "Use a colour in the form #rrggbb, for example #1d4ed8.";
  }
  if (problems.backgroundColor || problems.textColor) return problems;
  const text = contrastRatio(c.textColor, c.backgroundColor);
  if (text < MIN_TEXT_CONTRAST) {
    problems.textColor = `Text and background contrast is ${text.toFixed(2)}:1; it must be at least ${MIN_TEXT_CONTRAST}:1 so visitors can read it.`;
  }
  if (!problems.primaryColor) {
    const ui = contrastRatio(c.primaryColor, c.backgroundColor);
    if (ui < MIN_UI_CONTRAST) {
      problems.primaryColor = `The primary colour stands out from the background at only ${ui.toFixed(2)}:1; it must be at least ${MIN_UI_CONTRAST}:1 for buttons and links.`;
    }
  }
  return problems;
}
