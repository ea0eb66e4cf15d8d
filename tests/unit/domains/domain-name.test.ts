import { describe, expect, it } from "vitest";
import {
  DomainNameError,
  parseDomainName,
  parseLabel,
  parseSearchInput,
  toUnicodeName,
  tryParseDomainName,
} from "@/lib/domain-name";
import { decodePunycode, encodePunycode } from "@/lib/punycode";

function ruleOf(input: string): string | undefined {
  const r = tryParseDomainName(input);
  return r.ok ? undefined : r.rule;
}

describe("punycode", () => {
  it("encodes and decodes the RFC 3492 sample strings", () => {
    expect(encodePunycode("bücher")).toBe("bcher-kva");
    expect(encodePunycode("münchen")).toBe("mnchen-3ya");
    expect(encodePunycode("例え")).toBe("r8jz45g");
    expect(decodePunycode("bcher-kva")).toBe("bücher");
    expect(decodePunycode("e1afmkfd")).toBe("пример");
  });

  it("round-trips text in several scripts", () => {
    for (const s of ["ελληνικά", "日本語", "한국어", "עברית", "مثال", "straße"])
      expect(decodePunycode(encodePunycode(s))).toBe(s);
  });
});

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
    expect(ruleOf("smile😀.com")).toBe("invalid_character");
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
});
