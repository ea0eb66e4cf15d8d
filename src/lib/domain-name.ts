/**
 * Domain names as people type them and as registries want them. Any script in, A-label (ASCII,
 * punycode) and U-label out; LDH rules checked per label, and an invalid name is answered with the
 * rule it broke. Client-safe: the search box and the cart use the same rules as the server.
 */
import { decodePunycode, encodePunycode, PunycodeError } from "./punycode";

export type NameRule =
  | "empty"
  | "empty_label"
  | "label_too_long"
  | "name_too_long"
  | "invalid_character"
  | "leading_hyphen"
  | "trailing_hyphen"
  | "hyphens_3_4"
  | "invalid_punycode"
  | "too_many_labels";

export const RULE_TEXT: Record<NameRule, string> = {
  empty: "Enter a name to search for.",
  empty_label: "A name cannot have two dots in a row or start or end with a dot.",
  label_too_long: "Each part of a name can be at most 63 characters (counted in its encoded form).",
  name_too_long: "A full domain name can be at most 253 characters (counted in its encoded form).",
  invalid_character: "Only letters, digits and hyphens are allowed.",
  leading_hyphen: "A name cannot start with a hyphen.",
  trailing_hyphen: "A name cannot end with a hyphen.",
  hyphens_3_4: "Hyphens in both the third and fourth positions are reserved for encoded (xn--) names.",
  invalid_punycode: "This xn-- name is not a valid encoded international name.",
  too_many_labels: "Enter a name like example or example.com, without sub-domains.",
};

export class DomainNameError extends Error {
  constructor(
    readonly rule: NameRule,
    readonly label?: string,
  ) {
    super(RULE_TEXT[rule]);
    this.name = "DomainNameError";
  }
}

export type Label = { ascii: string; unicode: string; idn: boolean };
export type DomainName = { ascii: string; unicode: string; labels: Label[] };

const LDH = /^[a-z0-9-]+$/;
// Characters that are never part of a name in any script: ASCII punctuation, spaces and controls.
const ASCII_NON_LDH = /[\u0000-\u002c\u002e\u002f\u003a-\u0060\u007b-\u007f]/;
// Dots people type in other scripts (ideographic, full-width, half-width ideographic).
const DOTS = /[\u3002\uff0e\uff61]/g;

function checkHyphens(label: string, original: string): void {
  if (label.startsWith("-")) throw new DomainNameError("leading_hyphen", original);
  if (label.endsWith("-")) throw new DomainNameError("trailing_hyphen", original);
}

/** One label in any script → its A-label and U-label. */
export function parseLabel(raw: string): Label {
  const label = raw.normalize("NFC").toLowerCase();
  if (!label) throw new DomainNameError("empty_label");
  const ascii = /^[\u0000-\u007f]*$/.test(label);
  if (ascii) {
    if (!LDH.test(label)) throw new DomainNameError("invalid_character", raw);
    checkHyphens(label, raw);
    if (label.length > 63) throw new DomainNameError("label_too_long", raw);
    if (label.slice(2, 4) !== "--") return { ascii: label, unicode: label, idn: false };
    if (!label.startsWith("xn--")) throw new DomainNameError("hyphens_3_4", raw);
    let unicode: string;
    try {
      unicode = decodePunycode(label.slice(4));
    } catch (e) {
      if (e instanceof PunycodeError) throw new DomainNameError("invalid_punycode", raw);
      throw e;
    }
    // A valid A-label round-trips, decodes to something non-ASCII, and is itself a valid U-label.
    if (!unicode || /^[\u0000-\u007f]*$/.test(unicode) || unicode !== unicode.normalize("NFC").toLowerCase())
      throw new DomainNameError("invalid_punycode", raw);
    let again: Label;
    try {
      again = parseLabel(unicode);
    } catch {
      throw new DomainNameError("invalid_punycode", raw);
    }
    if (again.ascii !== label) throw new DomainNameError("invalid_punycode", raw);
    return { ascii: label, unicode, idn: true };
  }
  if (ASCII_NON_LDH.test(label) || /[\s\p{C}\p{P}\p{S}]/u.test(label.replace(/-/g, "")))
    throw new DomainNameError("invalid_character", raw);
  checkHyphens(label, raw);
  if (label.slice(2, 4) === "--") throw new DomainNameError("hyphens_3_4", raw);
  const encoded = `xn--${encodePunycode(label)}`;
  if (encoded.length > 63) throw new DomainNameError("label_too_long", raw);
  return { ascii: encoded, unicode: label, idn: true };
}

/** Strips what people paste around a name: spaces, a scheme, "www.", a path, a trailing dot. */
export function cleanInput(input: string): string {
  let s = input.trim().replace(DOTS, ".");
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  s = s.replace(/[/?#].*$/, "");
  s = s.replace(/\.$/, "");
  if (/^www\./i.test(s) && s.split(".").length > 2) s = s.slice(4);
  return s;
}

/** A full name (any number of labels) → A-label and U-label forms. */
export function parseDomainName(input: string): DomainName {
  const s = cleanInput(input);
  if (!s) throw new DomainNameError("empty");
  const labels = s.split(".").map(parseLabel);
  const ascii = labels.map((l) => l.ascii).join(".");
  if (ascii.length > 253) throw new DomainNameError("name_too_long");
  return { ascii, unicode: labels.map((l) => l.unicode).join("."), labels };
}

/** Search input: a label ("example") or a registrable name ("example.com"); nothing deeper. */
export function parseSearchInput(input: string): { label: Label; tld: string | null } {
  const name = parseDomainName(input);
  if (name.labels.length > 2) throw new DomainNameError("too_many_labels");
  return { label: name.labels[0], tld: name.labels[1]?.ascii ?? null };
}

/** An A-label name shown to people: each xn-- label decoded, anything undecodable left as it is. */
export function toUnicodeName(ascii: string): string {
  return ascii
    .split(".")
    .map((l) => {
      if (!l.toLowerCase().startsWith("xn--")) return l;
      try {
        return decodePunycode(l.slice(4).toLowerCase());
      } catch {
        return l;
      }
    })
    .join(".");
}

/** The safe variant for forms: the error's message instead of a throw. */
export function tryParseDomainName(
  input: string,
): { ok: true; name: DomainName } | { ok: false; rule: NameRule; message: string } {
  try {
    return { ok: true, name: parseDomainName(input) };
  } catch (e) {
    if (e instanceof DomainNameError) return { ok: false, rule: e.rule, message: e.message };
    throw e;
  }
}
