/**
 * What IDNA2008 (RFC 5891/5892) refuses after UTS #46 has mapped a label. UTS #46 keeps some code
 * points "valid" that IDNA2008 disallows (emoji and other symbols, marked NV8/XV8 in its table), and
 * it leaves the CONTEXTO rules to the caller; registries apply IDNA2008, so we do both here.
 * Pure and client-safe. Input: one U-label as UTS #46 produced it (lower-cased, NFC, mapped).
 */

export type Idna2008Problem = { rule: "not_idna2008" | "context_rule"; char: string; why: string };

// RFC 5892 section 2.6 exceptions.
const PVALID_EXCEPTIONS = new Set([0x00df, 0x03c2, 0x06fd, 0x06fe, 0x0f0b, 0x3007]);
const DISALLOWED_EXCEPTIONS = new Set([0x0640, 0x07fa, 0x302e, 0x302f, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303b]);
// RFC 5892 section 2.9: conjoining Hangul Jamo are for composing syllables, never registered alone.
const OLD_HANGUL_JAMO = /[\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;
// RFC 5892 section 2.1 LetterDigits (Lu never survives UTS #46 mapping).
const LETTER_DIGITS = /^[\p{Ll}\p{Lo}\p{Lm}\p{Mn}\p{Mc}\p{Nd}]$/u;
const JOINERS = new Set([0x200c, 0x200d]);

const ARABIC_INDIC = /[\u0660-\u0669]/u;
const EXTENDED_ARABIC_INDIC = /[\u06f0-\u06f9]/u;

/** RFC 5892 Appendix A: the CONTEXTO rules, as a reason when the character is out of place. */
function contextProblem(chars: string[], i: number): string | null {
  const cp = chars[i].codePointAt(0) as number;
  const before = chars[i - 1];
  const after = chars[i + 1];
  switch (cp) {
    case 0x00b7:
      return before === "l" && after === "l" ? null : "it is allowed only between two l's, as in Catalan “l·l”";
    case 0x0375:
      return after && /\p{Script=Greek}/u.test(after) ? null : "it is allowed only before a Greek letter";
    case 0x05f3:
    case 0x05f4:
      return before && /\p{Script=Hebrew}/u.test(before) ? null : "it is allowed only after a Hebrew letter";
    case 0x30fb:
      return chars.some((c) => /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(c))
        ? null
        : "it is allowed only in a name written with Japanese kana or kanji";
    default:
      if (ARABIC_INDIC.test(chars[i]) && chars.some((c) => EXTENDED_ARABIC_INDIC.test(c)))
        return "Arabic-Indic digits (٠–٩) cannot be mixed with Extended Arabic-Indic digits (۰–۹)";
      if (EXTENDED_ARABIC_INDIC.test(chars[i]) && chars.some((c) => ARABIC_INDIC.test(c)))
        return "Extended Arabic-Indic digits (۰–۹) cannot be mixed with Arabic-Indic digits (٠–٩)";
      return null;
  }
}

const CONTEXTO = /[\u00b7\u0375\u05f3\u05f4\u30fb\u0660-\u0669\u06f0-\u06f9]/u;

export function idna2008Problem(label: string): Idna2008Problem | null {
  const chars = Array.from(label);
  for (const [i, ch] of chars.entries()) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80 || JOINERS.has(cp) || PVALID_EXCEPTIONS.has(cp)) continue;
    if (CONTEXTO.test(ch)) {
      const why = contextProblem(chars, i);
      if (why) return { rule: "context_rule", char: ch, why };
      continue;
    }
    if (DISALLOWED_EXCEPTIONS.has(cp) || OLD_HANGUL_JAMO.test(ch))
      return { rule: "not_idna2008", char: ch, why: "IDNA2008 excludes it from domain names" };
    if (!LETTER_DIGITS.test(ch)) {
      const kind = /\p{Extended_Pictographic}/u.test(ch)
        ? "an emoji"
        : /\p{P}/u.test(ch)
          ? "a punctuation mark"
          : /\p{S}/u.test(ch)
            ? "a symbol"
            : "not a letter, mark or digit";
      return {
        rule: "not_idna2008",
        char: ch,
        why: `it is ${kind}, and IDNA2008 allows only letters, marks and digits`,
      };
    }
  }
  return null;
}
