/**
 * A namespace-aware view of an XML document over fast-xml-parser's ordered output, and a tiny
 * escaping builder. EPP clients choose their own prefixes (or default namespaces), so elements are
 * matched by namespace URI and local name, never by prefix.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XNode {
  ns: string;
  local: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

export class XmlSyntaxError extends Error {}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 64,
});

type Ordered = Record<string, unknown>;

function convert(raw: Ordered, scope: Map<string, string>): XNode | undefined {
  const tag = Object.keys(raw).find((k) => k !== ":@");
  if (!tag || tag === "#text" || tag === "#comment") return undefined;
  const rawAttrs = (raw[":@"] ?? {}) as Record<string, string>;
  const localScope = new Map(scope);
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(rawAttrs)) {
    if (k === "xmlns") localScope.set("", v);
    else if (k.startsWith("xmlns:")) localScope.set(k.slice(6), v);
    else attrs[k] = v;
  }
  const colon = tag.indexOf(":");
  const prefix = colon >= 0 ? tag.slice(0, colon) : "";
  const ns = localScope.get(prefix);
  if (ns === undefined) throw new XmlSyntaxError(`Undeclared namespace prefix '${prefix}'`);
  const node: XNode = { ns, local: colon >= 0 ? tag.slice(colon + 1) : tag, attrs, children: [], text: "" };
  for (const child of (raw[tag] ?? []) as Ordered[]) {
    if ("#text" in child) node.text += String(child["#text"]);
    else {
      const c = convert(child, localScope);
      if (c) node.children.push(c);
    }
  }
  return node;
}

export function parseXml(xml: string): XNode {
  if (/<!DOCTYPE/i.test(xml)) throw new XmlSyntaxError("Document type declarations are not allowed");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new XmlSyntaxError(valid.err.msg);
  let parsed: Ordered[];
  try {
    parsed = parser.parse(xml) as Ordered[];
  } catch (e) {
    // The parser's own limits (nesting depth, entity expansion) are syntax errors to the client.
    throw new XmlSyntaxError((e as Error).message);
  }
  const roots = parsed.map((r) => convert(r, new Map())).filter((r): r is XNode => Boolean(r));
  if (roots.length !== 1) throw new XmlSyntaxError("Expected exactly one root element");
  return roots[0];
}

export function child(node: XNode | undefined, ns: string, local: string): XNode | undefined {
  return node?.children.find((c) => c.ns === ns && c.local === local);
}

export function children(node: XNode | undefined, ns: string, local: string): XNode[] {
  return node ? node.children.filter((c) => c.ns === ns && c.local === local) : [];
}

export function text(node: XNode | undefined): string | undefined {
  return node ? node.text.trim() : undefined;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

type Attrs = Record<string, string | number | boolean | undefined>;

/** el("domain:name", { avail: 1 }, "example.com") -> <domain:name avail="1">example.com</domain:name> */
export function el(name: string, attrs: Attrs | null = null, ...content: (string | undefined | false | null)[]): string {
  let a = "";
  for (const [k, v] of Object.entries(attrs ?? {})) if (v !== undefined) a += ` ${k}="${escapeXml(String(v))}"`;
  const body = content.filter((c): c is string => typeof c === "string").join("");
  return body === "" ? `<${name}${a}/>` : `<${name}${a}>${body}</${name}>`;
}

/** Text content, escaped; use it for every value that came from outside. */
export function t(s: string | number | undefined): string | undefined {
  return s === undefined ? undefined : escapeXml(String(s));
}

/** An element holding escaped text, or nothing at all when the value is absent. */
export function tel(name: string, value: string | number | undefined, attrs: Attrs | null = null): string | undefined {
  return value === undefined ? undefined : el(name, attrs, escapeXml(String(value)));
}
