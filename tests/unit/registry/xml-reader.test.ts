import { describe, expect, it } from "vitest";
import { readXml } from "@/server/registry/epp/xml-reader";
import { spacedAttributesFrame } from "../../support/xml-floods";

describe("the EPP client's XML reader", () => {
  it("resolves default and prefixed namespaces, attributes, entities and CDATA", () => {
    const root = readXml(
      `<?xml version="1.0"?><!-- hi --><epp xmlns="urn:a"><r code="1000" q='x &amp; y'><d:n xmlns:d="urn:d">a &lt;b&gt; &#x41;&#66;</d:n><m><![CDATA[<raw>]]></m><e/></r></epp>`,
    );
    expect(root).toMatchObject({ ns: "urn:a", local: "epp" });
    const r = root.children[0];
    expect(r.attrs).toEqual({ code: "1000", q: "x & y" });
    expect(r.children.map((c) => [c.ns, c.local, c.text])).toEqual([
      ["urn:d", "n", "a <b> AB"],
      ["urn:a", "m", "<raw>"],
      ["urn:a", "e", ""],
    ]);
  });

  it("scopes a namespace declaration to its element", () => {
    const root = readXml(`<a xmlns="urn:1"><b xmlns="urn:2"><c/></b><d/></a>`);
    expect(root.children.map((c) => c.ns)).toEqual(["urn:2", "urn:1"]);
    expect(root.children[0].children[0].ns).toBe("urn:2");
  });

  it("reads the legal XML other registries write: spaced and single-quoted attributes, other prefixes", () => {
    const root = readXml(
      `<?xml version = '1.0' ?>\n<x:epp xmlns:x = 'urn:a'\n  ><x:r code = "1000"\tq\n=\n'a\tb\r\nc&#9;d' ><n xmlns="urn:d" avail= "1">é&#xE9;&#233;<?pi x?><!-- c --></n></x:r ></x:epp>`,
    );
    expect(root).toMatchObject({ ns: "urn:a", local: "epp" });
    const r = root.children[0];
    // XML 1.0 §3.3.3: literal white space in a value reads as a space; a character reference keeps its character.
    expect(r.attrs).toEqual({ code: "1000", q: "a b c\td" });
    expect(r.children[0]).toMatchObject({ ns: "urn:d", local: "n", attrs: { avail: "1" }, text: "ééé" });
  });

  it('lets xmlns="" take an element out of the default namespace', () => {
    const root = readXml(`<a xmlns="urn:a"><b xmlns=""><c/></b><d/></a>`);
    expect([root.children[0].ns, root.children[0].children[0].ns, root.children[1].ns]).toEqual(["", "", "urn:a"]);
  });

  it("reads CR LF and a lone CR in text as LF, keeping a referenced CR", () => {
    const root = readXml(`<a>one\r\ntwo\rthree&#13;<![CDATA[four\r\n]]></a>`);
    expect(root.text).toBe("one\ntwo\nthree\rfour\n");
  });

  it("reads names in any script, as XML allows", () => {
    const root = readXml(`<données xmlns="urn:a" clé="v"><étiquette/></données>`);
    expect(root).toMatchObject({ local: "données", attrs: { clé: "v" } });
    expect(root.children[0].local).toBe("étiquette");
  });

  // Linear time is measured by `npm run bench -- xml` (the spaced-attributes figures), not asserted here.
  it("reads a 1 MB frame of spaced attributes to its last element", () => {
    const large = spacedAttributesFrame(40_000);
    expect(large.length).toBeGreaterThan(1_000_000);
    const root = readXml(large);
    expect(root.children).toHaveLength(40_000);
    expect(root.children[39_999].attrs).toEqual({ n: "39999", m: "v" });
  });

  it.each([
    ["a mismatched end tag", "<a><b></a></b>"],
    ["an unclosed element", "<a><b></b>"],
    ["two roots", "<a/><b/>"],
    ["text outside the root", "<a/>junk"],
    ["an unquoted attribute", "<a b=c/>"],
    ["attributes without a space", `<a b="1"c="2"/>`],
    ["an undeclared prefix", "<x:a/>"],
    ["a document type", `<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["a reference to character 0", "<a>&#0;</a>"],
    ["a reference to a surrogate", "<a>&#xD800;</a>"],
    ["a reference beyond Unicode", "<a>&#x110000;</a>"],
    ["a reference that is not a number", "<a>&#x12G;</a>"],
    ["an attribute without a value", "<a b/>"],
    ["an attribute with two equals signs", `<a b=="1"/>`],
    ["a bare ampersand", "<a>fish & chips</a>"],
    ["an empty document", ""],
    ["nesting beyond 64 levels", `<a>${"<b>".repeat(70)}${"</b>".repeat(70)}</a>`],
    ["a name longer than 256 characters", `<${"n".repeat(300)}/>`],
    ["more than 128 attributes on one element", `<a ${Array.from({ length: 130 }, (_, i) => `x${i}="1"`).join(" ")}/>`],
    ["more than 4096 namespace declarations", `<a>${'<b xmlns="urn:b"/>'.repeat(4_100)}</a>`],
  ])("refuses %s", (_what, xml) => {
    expect(() => readXml(xml)).toThrow(/Malformed XML/);
  });
});
