import { describe, expect, it } from "vitest";
import { parseXml, XmlSyntaxError } from "@/mock-registry/epp/xml";

const EPP = "urn:ietf:params:xml:ns:epp-1.0";

describe("the registry's XML reader", () => {
  it("resolves default and prefixed namespaces, entities, character references and CDATA", () => {
    const root = parseXml(
      `<?xml version="1.0"?><!-- hi --><e:epp xmlns:e="${EPP}"><e:command a='x &amp; y'><x xmlns="urn:x">a&lt;b&#x41;&#66;<![CDATA[<raw>]]></x><?pi ignored?></e:command></e:epp>`,
    );
    expect(root).toMatchObject({ ns: EPP, local: "epp" });
    const command = root.children[0];
    expect(command.attrs).toEqual({ a: "x & y" });
    expect(command.children[0]).toMatchObject({ ns: "urn:x", local: "x", text: "a<bAB<raw>" });
  });

  it.each([
    ["a DOCTYPE", `<!DOCTYPE epp [<!ENTITY x "y">]><epp xmlns="${EPP}"/>`],
    ["a mismatched end tag", `<epp xmlns="${EPP}"><a></b></epp>`],
    ["an unclosed element", `<epp xmlns="${EPP}"><a>`],
    ["a duplicate attribute", `<epp xmlns="${EPP}" a="1" a="2"/>`],
    ["an unquoted attribute", `<epp xmlns="${EPP}" a=1/>`],
    ["an unknown entity", `<epp xmlns="${EPP}">&nbsp;</epp>`],
    ["a character reference to a control character", `<epp xmlns="${EPP}">&#0;</epp>`],
    ["an undeclared prefix", `<x:epp/>`],
    ["two roots", `<epp xmlns="${EPP}"/><epp xmlns="${EPP}"/>`],
    ["text outside the root", `junk<epp xmlns="${EPP}"/>`],
    ["nesting beyond 64 levels", `<epp xmlns="${EPP}">${"<a>".repeat(70)}${"</a>".repeat(70)}</epp>`],
    ["a name longer than 256 characters", `<epp xmlns="${EPP}"><${"n".repeat(300)}/></epp>`],
    [
      "more than 64 attributes on one element",
      `<epp xmlns="${EPP}" ${Array.from({ length: 70 }, (_, i) => `x${i}="1"`).join(" ")}/>`,
    ],
    ["more than 256 namespace declarations", `<epp xmlns="${EPP}">${'<a xmlns:p="urn:p"/>'.repeat(260)}</epp>`],
  ])("refuses %s", (_what, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
  });
});
