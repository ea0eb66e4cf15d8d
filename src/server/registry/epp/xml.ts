/**
 * XML reading and escaping for the EPP client. The mock registry has its own codec on purpose: two
 * independent implementations, both checked against the XSDs, keep one side's mistake from being
 * mirrored by the other (docs/decisions/022-registry-xml-codec.md).
 */
import { readXml, type XNode } from "./xml-reader";

export type { XNode };

export function parseXml(xml: string): XNode {
  try {
    return readXml(xml);
  } catch (e) {
    throw new Error(`Registry sent malformed XML: ${(e as Error).message}`);
  }
}

export const child = (n: XNode | undefined, ns: string, local: string) =>
  n?.children.find((c) => c.ns === ns && c.local === local);
export const children = (n: XNode | undefined, ns: string, local: string) =>
  n ? n.children.filter((c) => c.ns === ns && c.local === local) : [];
export const textOf = (n: XNode | undefined, ns: string, local: string) => child(n, ns, local)?.text.trim();

const NEEDS_ESCAPE = /[&<>"]/;

export function esc(s: string | number): string {
  const str = String(s);
  if (!NEEDS_ESCAPE.test(str)) return str;
  return str.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

type Attrs = Record<string, string | number | undefined>;
type Content = string | undefined | false;

export function el(name: string, attrs: Attrs | null = null, ...content: Content[]): string {
  let a = "";
  if (attrs) for (const k in attrs) if (attrs[k] !== undefined) a += ` ${k}="${esc(attrs[k])}"`;
  // Plain loops: every request is built from dozens of these calls.
  let body = "";
  for (const c of content) if (typeof c === "string") body += c;
  return body === "" ? `<${name}${a}/>` : `<${name}${a}>${body}</${name}>`;
}

/** Element with escaped text, or nothing when the value is absent. */
export function tx(name: string, value: string | number | undefined, attrs: Attrs | null = null): string | undefined {
  return value === undefined ? undefined : el(name, attrs, esc(value));
}
