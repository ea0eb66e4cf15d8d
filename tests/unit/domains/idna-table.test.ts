/**
 * Typed names in many scripts against what UTS #46 (non-transitional, CheckHyphens, CheckBidi,
 * CheckJoiners, UseSTD3ASCIIRules, VerifyDnsLength) plus IDNA2008's repertoire and context rules
 * give. Expected A-labels were produced independently with Python's `idna` 3.13 package
 * (`idna.encode(name, uts46=True, std3_rules=True, transitional=False)`), not with our code; the
 * rule column names our explanation for each name Python refused.
 */
import { describe, expect, it } from "vitest";
import { tryParseDomainName, type NameRule } from "@/lib/domain-name";

const L63 = "a".repeat(63);
const N253 = [L63, L63, L63, "a".repeat(61)].join(".");
const N254 = [L63, L63, L63, "a".repeat(62)].join(".");

type Row = [typed: string, expected: string | NameRule, note: string];

const TABLE: Row[] = [
  ["bücher.com", "xn--bcher-kva.com", "Latin with diacritics"],
  ["Bücher.com", "xn--bcher-kva.com", "upper case mapped"],
  ["münchen.de", "xn--mnchen-3ya.de", "Latin with diacritics"],
  ["faß.de", "xn--fa-hia.de", "deviation ß kept (non-transitional)"],
  ["ẞ.de", "xn--zca.de", "capital sharp s maps to ß"],
  ["ΣΟΦΟΣ.gr", "xn--0xaakcn.gr", "Greek capitals map to σ, never final ς"],
  ["σοφός.gr", "xn--0xagbn4a.gr", "Greek with final sigma kept"],
  ["ελληνικά.gr", "xn--hxargifdar.gr", "Greek"],
  ["пример.com", "xn--e1afmkfd.com", "Cyrillic"],
  ["ПРИМЕР.рф", "xn--e1afmkfd.xn--p1ai", "Cyrillic capitals and an IDN TLD"],
  ["مثال.com", "xn--mgbh0fb.com", "Arabic"],
  ["ا1b.com", "bidi", "right-to-left label with a left-to-right letter"],
  ["שלום.com", "xn--9dbne9b.com", "Hebrew"],
  ["1שלום.com", "bidi", "right-to-left label starting with a digit"],
  ["例え.jp", "xn--r8jz45g.jp", "Japanese"],
  ["例え。jp", "xn--r8jz45g.jp", "ideographic full stop"],
  ["中文.com", "xn--fiq228c.com", "Chinese"],
  ["한국어.kr", "xn--3e0bk47br7k.kr", "Korean"],
  ["हिन्दी.com", "xn--j2bd4cyah0f.com", "Devanagari"],
  ["क्\u200dष.com", "xn--11b2ezcw70k.com", "ZWJ after a virama (in context)"],
  ["a\u200db.com", "joiner_context", "ZWJ out of context"],
  ["نامه\u200cای.com", "xn--mgba3gch31f060k.com", "ZWNJ between joining letters (Persian)"],
  ["a\u200cb.com", "joiner_context", "ZWNJ out of context"],
  ["ไทย.com", "xn--o3cw4h.com", "Thai"],
  ["💩.com", "not_idna2008", "emoji"],
  ["xn--ls8h.com", "not_idna2008", "valid punycode of an emoji"],
  ["ａｂｃ.com", "abc.com", "full-width letters"],
  ["ﬁle.com", "file.com", "ligature (compatibility character)"],
  ["Ⅻ.com", "xii.com", "Roman numeral (compatibility character)"],
  ["①②.com", "12.com", "circled digits (compatibility characters)"],
  ["-abc.com", "leading_hyphen", "leading hyphen"],
  ["abc-.com", "trailing_hyphen", "trailing hyphen"],
  ["ab--cd.com", "hyphens_3_4", "-- in positions 3-4"],
  ["xn--bcher-kva.com", "xn--bcher-kva.com", "A-label typed"],
  ["xn--zz.com", "invalid_punycode", "bad punycode"],
  ["xn--abc-.com", "trailing_hyphen", "A-label ending with a hyphen"],
  [`${L63}.com`, `${L63}.com`, "63-octet label"],
  [`${"a".repeat(64)}.com`, "label_too_long", "64-octet label"],
  [`${"ü".repeat(60)}.com`, "label_too_long", "60 characters, over 63 octets encoded"],
  [N253, N253, "253-octet name"],
  [N254, "name_too_long", "254-octet name"],
  ["example.com.", "example.com", "trailing dot (Python keeps it; the registered name has none)"],
  ["paypаl.com", "xn--paypl-7ve.com", "mixed Latin/Cyrillic: valid IDNA, refused by IDN tables"],
  ["l·l.cat", "xn--ll-0ea.cat", "middle dot between l's (CONTEXTO)"],
  ["a·b.com", "context_rule", "middle dot out of context"],
  ["a_b.com", "invalid_character", "underscore (STD3)"],
  ["\u0301a.com", "combining_mark_first", "starts with a combining mark"],
  ["ab\u00adc.com", "abc.com", "soft hyphen ignored"],
  ["xn--0xaakcn.gr", "xn--0xaakcn.gr", "Greek A-label"],
  ["xn--fa-hia.de", "xn--fa-hia.de", "deviation A-label"],
];

describe("typed names against UTS #46 and IDNA2008", () => {
  it("holds at least 30 names in several scripts", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(30);
  });

  it.each(TABLE)("%s → %s (%s)", (typed, expected) => {
    const r = tryParseDomainName(typed);
    if (expected.includes(".")) {
      expect(r.ok ? r.name.ascii : r.message).toBe(expected);
    } else {
      expect(r.ok ? `accepted as ${r.name.ascii}` : r.rule).toBe(expected);
    }
  });
});
