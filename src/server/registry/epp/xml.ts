/**
 * Namespace-aware XML reading and escaping for the EPP client. The mock registry has its own codec on
 * purpose: two independent implementations, both checked against the XSDs, keep one side's mistake
 * from being mirrored by the other (docs/decisions/022-registry-xml-codec.md).
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XNode {
  ns: string;
  local: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

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
});

type Ordered = Record<string, unknown>;

function convert(raw: Ordered, scope: ReadonlyMap<string, string>): XNode | undefined {
  const tag = Object.keys(raw).find((k) => k !== ":@");
  if (!tag || tag.startsWith("#")) return undefined;
  const inScope = new Map(scope);
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries((raw[":@"] ?? {}) as Record<string, string>)) {
    if (k === "xmlns") inScope.set("", v);
    else if (k.startsWith("xmlns:")) inScope.set(k.slice(6), v);
    else attrs[k] = v;
  }
  const colon = tag.indexOf(":");
  const node: XNode = { ns: inScope.get(colon >= 0 ? tag.slice(0, colon) : "") ?? "", local: tag.slice(colon + 1), attrs, children: [], text: "" };
  for (const c of (raw[tag] ?? []) as Ordered[]) {
    if ("#text" in c) node.text += String(c["#text"]);
    else {
      const converted = convert(c, inScope);
      if (converted) node.children.push(converted);
    }
  }
  return node;
}

export function parseXml(xml: string): XNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`Registry sent malformed XML: ${valid.err.msg}`);
  const root = (parser.parse(xml) as Ordered[]).map((r) => convert(r, new Map())).find(Boolean);
  if (!root) throw new Error("Registry sent an empty document");
  return root;
}

export const child = (n: XNode | undefined, ns: string, local: string) => n?.children.find((c) => c.ns === ns && c.local === local);
export const children = (n: XNode | undefined, ns: string, local: string) => (n ? n.children.filter((c) => c.ns === ns && c.local === local) : []);
export const textOf = (n: XNode | undefined, ns: string, local: string) => child(n, ns, local)?.text.trim();

export function esc(s: string | number): string {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

type Attrs = Record<string, string | number | undefined>;
type Content = string | undefined | false;

export function el(name: string, attrs: Attrs | null = null, ...content: Content[]): string {
  let a = "";
  for (const [k, v] of Object.entries(attrs ?? {})) if (v !== undefined) a += ` ${k}="${esc(v)}"`;
  const body = content.filter((c): c is string => typeof c === "string").join("");
  return body === "" ? `<${name}${a}/>` : `<${name}${a}>${body}</${name}>`;
}

/** Element with escaped text, or nothing when the value is absent. */
export function tx(name: string, value: string | number | undefined, attrs: Attrs | null = null): string | undefined {
  return value === undefined ? undefined : el(name, attrs, esc(value));
}
