import { describe, expect, it } from "vitest";
import {
  DomainNameError,
  parseDomainName,
  parseLabel,
  parseSearchInput,
  toUnicodeName,
  tryParseDomainName,
  typedDiffers,
} from "@/lib/domain-name";

function ruleOf(input: string): string | undefined {
  const r = tryParseDomainName(input);
  return r.ok ? undefined : r.rule;
}

describe("domain names", () => {
  it("keeps an ASCII name as it is, lower-cased", () => {
    expect(parseDomainName("Example.COM")).toMatchObject({ ascii: "example.com", unicode: "example.com" });
  });

  it("stores IDNs as A-labels and shows them as U-labels", () => {
    const n = parseDomainName("Bücher.com");
    expect(n.ascii).toBe("xn--bcher-kva.com");
    expect(n.unicode).toBe("bücher.com");
    expect(parseDomainName("пример.com").ascii).toBe("xn--e1afmkfd.com");
    expect(parseDomainName("例え.shop").ascii).toBe("xn--r8jz45g.shop");
  });

  it("accepts an A-label typed directly and shows its U-label", () => {
    expect(parseDomainName("xn--bcher-kva.com").unicode).toBe("bücher.com");
    expect(toUnicodeName("xn--e1afmkfd.com")).toBe("пример.com");
  });

  it("normalises composed and decomposed forms to the same A-label", () => {
    expect(parseDomainName("bu\u0308cher.com").ascii).toBe(parseDomainName("b\u00fccher.com").ascii);
  });

  it("cleans what people paste: scheme, www, path, trailing dot, ideographic dots", () => {
    expect(parseDomainName("https://www.Example.com/path?x=1").ascii).toBe("example.com");
    expect(parseDomainName("example.com.").ascii).toBe("example.com");
    expect(parseDomainName("例え。shop").ascii).toBe("xn--r8jz45g.shop");
  });

  it("names the rule an invalid name breaks", () => {
    expect(ruleOf("")).toBe("empty");
    expect(ruleOf("-abc.com")).toBe("leading_hyphen");
    expect(ruleOf("abc-.com")).toBe("trailing_hyphen");
    expect(ruleOf("ab--cd.com")).toBe("hyphens_3_4");
    expect(ruleOf("xn--zzzz-.com")).toBe("trailing_hyphen");
    expect(ruleOf("xn--ab.com")).toBe("invalid_punycode");
    expect(ruleOf("a_b.com")).toBe("invalid_character");
    expect(ruleOf("hello world.com")).toBe("invalid_character");
    expect(ruleOf("a..com")).toBe("empty_label");
    expect(ruleOf(`${"a".repeat(64)}.com`)).toBe("label_too_long");
    expect(ruleOf(`${"ü".repeat(60)}.com`)).toBe("label_too_long");
    expect(ruleOf(`${Array(60).fill("abcd").join(".")}.com`)).toBe("name_too_long");
    expect(ruleOf("smile😀.com")).toBe("not_idna2008");
  });

  it("accepts labels of exactly 1 and 63 octets", () => {
    expect(parseLabel("a").ascii).toBe("a");
    expect(parseLabel("a".repeat(63)).ascii).toHaveLength(63);
  });

  it("rejects an xn-- label that decodes to plain ASCII", () => {
    expect(() => parseLabel("xn--abc-")).toThrow(DomainNameError);
  });

  it("splits search input into a label and an optional extension", () => {
    expect(parseSearchInput("Example")).toMatchObject({ label: { ascii: "example" }, tld: null });
    expect(parseSearchInput("example.io")).toMatchObject({ label: { ascii: "example" }, tld: "io" });
    expect(() => parseSearchInput("a.b.com")).toThrow("without sub-domains");
  });

  it("maps what people type the way UTS #46 does", () => {
    expect(parseDomainName("ａｂｃ.com")).toMatchObject({ ascii: "abc.com", unicode: "abc.com" });
    expect(parseDomainName("ﬁle.com").ascii).toBe("file.com");
    expect(parseDomainName("Ⅻ.com").ascii).toBe("xii.com");
    // Non-transitional: capital sigma maps to σ everywhere, so the A-label is σοφοσ's, not σοφος's.
    expect(parseDomainName("ΣΟΦΟΣ.gr")).toMatchObject({ ascii: "xn--0xaakcn.gr", unicode: "σοφοσ.gr" });
    expect(parseDomainName("faß.de").ascii).toBe("xn--fa-hia.de");
  });

  it("explains a refusal by the character and the rule it breaks", () => {
    const bidi = tryParseDomainName("ا1b.com");
    expect(bidi).toMatchObject({ ok: false, rule: "bidi" });
    expect(bidi.ok || bidi.message).toMatch(/“ا1b”.*right-to-left.*bidi rule/);
    const emoji = tryParseDomainName("xn--ls8h.com");
    expect(emoji).toMatchObject({ ok: false, rule: "not_idna2008" });
    expect(emoji.ok || emoji.message).toBe(
      "“xn--ls8h” is a valid encoding of “💩”, but “💩” (U+1F4A9) cannot be used in a domain name: it is an emoji, and IDNA2008 allows only letters, marks and digits.",
    );
    expect(emoji.ok || emoji.message).not.toMatch(/punycode/i);
    const joiner = tryParseDomainName("a\u200db.com");
    expect(joiner.ok || joiner.message).toMatch(/zero-width joiner \(U\+200D\).*virama/);
    const underscore = tryParseDomainName("a_b.com");
    expect(underscore.ok || underscore.message).toMatch(/^“_” \(U\+005F\) cannot be used/);
    expect(tryParseDomainName("-abc.com")).toMatchObject({
      message: "“-abc”: a name cannot start with a hyphen.",
    });
    const long = tryParseDomainName(`${"ü".repeat(60)}.com`);
    expect(long.ok || long.message).toMatch(/is 66 characters long as xn--/);
  });

  it("names a space, not an invisible glyph, when one is typed", () => {
    expect(tryParseDomainName("hello world.com")).toMatchObject({
      message: expect.stringMatching(/^A space \(U\+0020\)/),
    });
  });

  it("tells whether the typed form differs from the registered one", () => {
    expect(typedDiffers("ａｂｃ.com", parseDomainName("ａｂｃ.com"))).toBe(true);
    expect(typedDiffers("ΣΟΦΟΣ.gr", parseDomainName("ΣΟΦΟΣ.gr"))).toBe(true);
    expect(typedDiffers("Example.com", parseDomainName("Example.com"))).toBe(false);
    expect(typedDiffers("bücher.com", parseDomainName("bücher.com"))).toBe(false);
  });
});
