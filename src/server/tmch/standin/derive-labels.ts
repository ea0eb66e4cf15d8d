/**
 * The domain labels a mark entitles its holder to, by the TMCH's matching rules (ICANN TMCH
 * Guidelines, "identical match"): spaces may be omitted or replaced by a hyphen; "&" and "@" may be
 * omitted, replaced by a hyphen or spelled out in the mark's language; any other character a domain
 * label cannot hold may be omitted or replaced by a hyphen; letters, digits and hyphens stay. IDN
 * labels become A-labels (tr46). ICANN's pilot "Test & Validate" gives exactly its eight labels.
 */
import { toASCII } from "tr46";

/** More than this many variants means a mark too long to enumerate; the TMCH would not either. */
export const MAX_VARIANTS = 4096;

export interface LabelOptions {
  /** How "&" and "@" are spelled out in the mark's language (English by default). */
  spelledOut?: { "&"?: string[]; "@"?: string[] };
}

export class LabelDerivationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LabelDerivationError";
  }
}

type Part = string | string[];

function parts(mark: string, options: LabelOptions): Part[] {
  const out: Part[] = [];
  for (const ch of mark.normalize("NFC").toLowerCase().trim().replace(/\s+/g, " ")) {
    if (/[\p{L}\p{N}\p{M}-]/u.test(ch)) {
      const last = out[out.length - 1];
      if (typeof last === "string") out[out.length - 1] = last + ch;
      else out.push(ch);
    } else if (ch === "&") out.push(["", "-", ...(options.spelledOut?.["&"] ?? ["and"])]);
    else if (ch === "@") out.push(["", "-", ...(options.spelledOut?.["@"] ?? ["at"])]);
    else out.push(["", "-"]);
  }
  return out;
}

function aLabel(label: string): string | null {
  if (label.length === 0 || label.startsWith("-") || label.endsWith("-")) return null;
  if (/^[a-z0-9-]+$/.test(label)) {
    // Hyphens in the third and fourth places are reserved for A-labels (RFC 5891 §4.2.3.1).
    return label.length <= 63 && label.slice(2, 4) !== "--" ? label : null;
  }
  const ascii = toASCII(label, { checkHyphens: true, checkBidi: true, checkJoiners: true, useSTD3ASCIIRules: true });
  return ascii && ascii.length <= 63 && !ascii.includes(".") ? ascii : null;
}

export function deriveLabels(mark: string, options: LabelOptions = {}): string[] {
  const list = parts(mark, options);
  const count = list.reduce((n, p) => n * (typeof p === "string" ? 1 : p.length), 1);
  if (count > MAX_VARIANTS) throw new LabelDerivationError("The mark has too many separators to derive labels.");
  let variants = [""];
  for (const p of list) {
    const choices = typeof p === "string" ? [p] : p;
    variants = variants.flatMap((v) => choices.map((c) => v + c));
  }
  const labels = new Set<string>();
  for (const v of variants) {
    const label = aLabel(v);
    if (label) labels.add(label);
  }
  return [...labels].sort();
}
