import { describe, expect, it } from "vitest";
import { readXml } from "@/server/registry/epp/xml-reader";

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
