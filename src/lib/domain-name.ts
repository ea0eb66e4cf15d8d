/**
 * Domain names as people type them and as registries want them. Mapping and checks are UTS #46's
 * (tr46: non-transitional, CheckHyphens, CheckBidi, CheckJoiners, UseSTD3ASCIIRules, VerifyDnsLength)
 * followed by IDNA2008's repertoire and CONTEXTO rules (./idna2008), which is what registries enforce.
 * tr46 only says yes or no; when it says no, `explain` finds the character and rule to tell the
 * registrant. Client-safe: the search box, the cart and the server use the same code (decision 083).
 */
import { toASCII, toUnicode } from "tr46";
import { idna2008Problem } from "./idna2008";

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
  | "combining_mark_first"
  | "joiner_context"
  | "bidi"
  | "not_idna2008"
  | "context_rule"
  | "invalid_name"
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
  combining_mark_first: "A name cannot start with an accent or other combining mark.",
  joiner_context: "An invisible joiner character is allowed only where the script needs it.",
  bidi: "Right-to-left letters cannot be mixed with left-to-right letters in one part of a name.",
  not_idna2008: "Emoji, symbols and punctuation cannot be registered in domain names.",
  context_rule: "A character in this name is allowed only next to certain other characters.",
  invalid_name: "This is not a valid domain name.",
  too_many_labels: "Enter a name like example or example.com, without sub-domains.",
};

export class DomainNameError extends Error {
  constructor(
    readonly rule: NameRule,
    readonly label?: string,
    detail?: string,
  ) {
    super(detail ?? RULE_TEXT[rule]);
    this.name = "DomainNameError";
  }
}

export type Label = { ascii: string; unicode: string; idn: boolean };
export type DomainName = { ascii: string; unicode: string; labels: Label[] };

const UTS46 = {
  checkHyphens: true,
  checkBidi: true,
  checkJoiners: true,
  useSTD3ASCIIRules: true,
  verifyDNSLength: true,
  transitionalProcessing: false,
} as const;

// Dots people type in other scripts (ideographic, full-width, half-width ideographic); UTS #46 maps
// them too, but the cleaning below must see them to drop a trailing one.
const DOTS = /[\u3002\uff0e\uff61]/g;
const ZWJ = "\u200d";
const ZWNJ = "\u200c";
// A right-to-left label every checker accepts: appended to make any name a bidi domain name.
const RTL_PROBE = "\u05d0";

/** A character as a registrant can recognise it: the glyph (if it has one) and its code point. */
export function describeChar(ch: string): string {
  const code = `U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`;
  if (ch === ZWJ) return `the invisible zero-width joiner (${code})`;
  if (ch === ZWNJ) return `the invisible zero-width non-joiner (${code})`;
  if (/\s/u.test(ch)) return `a space (${code})`;
  if (/[\p{C}]/u.test(ch)) return `an invisible control character (${code})`;
  if (/\p{M}/u.test(ch)) return `the combining mark “\u25cc${ch}” (${code})`;
  return `“${ch}” (${code})`;
}

const nonAscii = (s: string) => /[^\u0000-\u007f]/u.test(s);
const ok = (s: string, options: Parameters<typeof toASCII>[1]) => toASCII(s, options) !== null;

function hyphenError(rule: "leading_hyphen" | "trailing_hyphen" | "hyphens_3_4", part: string): DomainNameError {
  const text = RULE_TEXT[rule];
  return new DomainNameError(rule, part, `“${part}”: ${text.charAt(0).toLowerCase()}${text.slice(1)}`);
}

/** Sentence case for messages that open with a description such as "a space". */
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** UTS #46 said no: the first rule, in words, that the name breaks. */
function explain(name: string): DomainNameError {
  const bidiDomainBroken = !ok(name, { checkBidi: true });
  const raw = name.split(".");
  for (const part of raw) {
    if (!part) return new DomainNameError("empty_label");
    const mapped = toUnicode(part, { transitionalProcessing: false });
    const aLabel = part.normalize("NFKC").toLowerCase();
    let u = mapped.domain;
    const shown = `“${part}”`;
    if (aLabel.startsWith("xn--")) {
      if (aLabel.endsWith("-")) return hyphenError("trailing_hyphen", part);
      if (u === aLabel || !u || !nonAscii(u))
        return new DomainNameError(
          "invalid_punycode",
          part,
          `${shown} starts with xn--, which marks an encoded international name, but it does not decode to one (invalid punycode).`,
        );
      if (toUnicode(u, { transitionalProcessing: false }).domain !== u || u.normalize("NFC") !== u)
        return new DomainNameError(
          "invalid_punycode",
          part,
          `${shown} decodes to “${u}”, which is not written in its standard form, so it is not a valid encoded name.`,
        );
    } else if (u.includes(".")) {
      u = u.split(".")[0];
    }
    if (u.startsWith("-")) return hyphenError("leading_hyphen", part);
    if (u.endsWith("-")) return hyphenError("trailing_hyphen", part);
    if (!aLabel.startsWith("xn--") && u.slice(2, 4) === "--") return hyphenError("hyphens_3_4", part);
    for (const ch of u) {
      if (ok(`a${ch}`, { useSTD3ASCIIRules: true })) continue;
      if (aLabel.startsWith("xn--"))
        return new DomainNameError(
          "invalid_punycode",
          part,
          `${shown} decodes to ${describeChar(ch)}, which no domain name can contain, so it is not a valid encoded name.`,
        );
      return new DomainNameError(
        "invalid_character",
        part,
        sentence(`${describeChar(ch)} cannot be used in a domain name: only letters, digits and hyphens can.`),
      );
    }
    const first = Array.from(u)[0] ?? "";
    if (/\p{M}/u.test(first))
      return new DomainNameError(
        "combining_mark_first",
        part,
        `${shown} starts with ${describeChar(first)}; a name cannot start with an accent or other combining mark.`,
      );
    if ((u.includes(ZWJ) || u.includes(ZWNJ)) && !ok(u, { checkJoiners: true })) {
      const ch = u.includes(ZWJ) && !ok(u.replaceAll(ZWNJ, ""), { checkJoiners: true }) ? ZWJ : ZWNJ;
      const where =
        ch === ZWJ
          ? "only right after a virama, as in Indic scripts"
          : "only after a virama or between letters that join, as in Persian";
      return new DomainNameError(
        "joiner_context",
        part,
        `${shown} contains ${describeChar(ch)} where it has no effect; it is allowed ${where}.`,
      );
    }
    if (bidiDomainBroken && !ok(`${u}.${RTL_PROBE}`, { checkBidi: true })) {
      const rtl = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(u);
      const detail = rtl
        ? `${shown} mixes right-to-left letters with left-to-right letters or starts with a digit; a right-to-left name must start with a right-to-left letter and contain only right-to-left letters, digits and marks (the bidi rule, RFC 5893).`
        : `${shown} must start with a letter and end with a letter or digit, because this name also has right-to-left parts (the bidi rule, RFC 5893).`;
      return new DomainNameError("bidi", part, detail);
    }
    const encoded = toASCII(u, { transitionalProcessing: false });
    if (encoded && encoded.length > 63) {
      const form = encoded === part ? "" : ` as ${encoded}`;
      return new DomainNameError(
        "label_too_long",
        part,
        `${shown} is ${encoded.length} characters long${form}; each part of a name can be at most 63 characters in its encoded form.`,
      );
    }
  }
  const whole = toASCII(name, { transitionalProcessing: false });
  if (whole && whole.length > 253)
    return new DomainNameError(
      "name_too_long",
      undefined,
      `This name is ${whole.length} characters long in its encoded form; a full domain name can be at most 253.`,
    );
  return new DomainNameError("invalid_name");
}

function idna2008(u: string, part: string, aLabel: string): void {
  const p = idna2008Problem(u);
  if (!p) return;
  const typed = part.toLowerCase() === aLabel && aLabel !== u ? `“${aLabel}” is a valid encoding of “${u}”, but ` : "";
  throw new DomainNameError(
    p.rule,
    part,
    sentence(`${typed}${describeChar(p.char)} cannot be used in a domain name: ${p.why}.`),
  );
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

function parseCleaned(s: string): DomainName {
  if (!s) throw new DomainNameError("empty");
  const ascii = toASCII(s, UTS46);
  if (ascii === null) throw explain(s);
  const unicode = toUnicode(ascii, UTS46).domain;
  const aLabels = ascii.split(".");
  const uLabels = unicode.split(".");
  const typed = s.split(".");
  const labels = aLabels.map((a, i): Label => {
    idna2008(uLabels[i], typed[i] ?? a, a);
    return { ascii: a, unicode: uLabels[i], idn: a.startsWith("xn--") };
  });
  return { ascii, unicode, labels };
}

/** One label in any script → its A-label and U-label. */
export function parseLabel(raw: string): Label {
  const name = parseCleaned(raw.replace(DOTS, "."));
  if (name.labels.length !== 1)
    throw new DomainNameError(
      "invalid_character",
      raw,
      `${describeChar(".")} separates the parts of a name; enter one part here.`,
    );
  return name.labels[0];
}

/** A full name (any number of labels) → A-label and U-label forms. */
export function parseDomainName(input: string): DomainName {
  return parseCleaned(cleanInput(input));
}

/**
 * A host name as a certificate names it: every label kept ("www." included, unlike `parseDomainName`,
 * which reads what people paste into a search), only the trailing dot dropped.
 */
export function parseHostName(input: string): DomainName {
  return parseCleaned(input.trim().replace(DOTS, ".").replace(/\.$/, ""));
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
      const r = toUnicode(l.toLowerCase(), { transitionalProcessing: false });
      return r.error ? l : r.domain;
    })
    .join(".");
}

/** True when what was typed is not literally what will be registered (case aside), so we show both. */
export function typedDiffers(typed: string, name: Pick<DomainName, "ascii" | "unicode">): boolean {
  // Per label: a Σ before the dot would otherwise lower-case as a medial σ, hiding the difference.
  const t = cleanInput(typed)
    .replace(DOTS, ".")
    .split(".")
    .map((l) => l.toLowerCase())
    .join(".");
  return t !== name.unicode && t !== name.ascii;
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
