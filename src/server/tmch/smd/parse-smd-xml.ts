/**
 * XML parsing for SMDs with the doors closed: no DTD at all (so no external entities and no entity
 * expansion), and every parser complaint is a refusal rather than a silently repaired tree.
 */
import { DOMParser } from "@xmldom/xmldom";
import { SmdRefusal } from "./reason-codes";

export function parseSmdXml(xml: string): Document {
  // Refused on the text, before a parser sees it: xmldom ignores DTDs, but the other readers of the
  // same bytes (xml-crypto re-parses, xmlsec1 in tests) must never be handed one either.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new SmdRefusal("dtd-forbidden", "The SMD carries a DTD, which is refused.");
  const complaints: string[] = [];
  const note = (msg: string) => complaints.push(msg);
  const doc = new DOMParser({ errorHandler: { warning: note, error: note, fatalError: note } }).parseFromString(
    xml,
    "text/xml",
  );
  if (complaints.length > 0 || !doc.documentElement) {
    throw new SmdRefusal("malformed", `The SMD is not well-formed XML: ${complaints[0] ?? "no root element"}`);
  }
  if (doc.doctype) throw new SmdRefusal("dtd-forbidden", "The SMD carries a DTD, which is refused.");
  return doc as unknown as Document;
}

export function childElements(parent: Element, ns?: string, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if ((ns === undefined || el.namespaceURI === ns) && (local === undefined || el.localName === local)) out.push(el);
  }
  return out;
}

export function allElements(root: Element): Element[] {
  const out: Element[] = [root];
  for (let i = 0; i < out.length; i++) out.push(...childElements(out[i]));
  return out;
}

export function textOf(parent: Element, ns: string, local: string): string | undefined {
  const [el] = childElements(parent, ns, local);
  return el?.textContent?.trim() ?? undefined;
}
