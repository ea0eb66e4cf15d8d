/**
 * A namespace-aware view of an XML document, read by a strict single-pass reader of the registry's
 * own, and a tiny escaping builder. EPP clients choose their own prefixes (or default namespaces), so
 * elements are matched by namespace URI and local name, never by prefix. The reader faces untrusted
 * input: no DTDs (so no entity expansion), limits on nesting, attributes, name lengths and namespace
 * declarations, duplicate attributes and bad character references refused; anything not well-formed
 * is an XmlSyntaxError (docs/decisions/024, 065). Work is linear in the input: namespace bindings
 * are pushed per element and undone at its end, never copied.
 */
export interface XNode {
  ns: string;
  local: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

export class XmlSyntaxError extends Error {}

export interface XmlLimits {
  depth: number;
  /** Attributes on one element, namespace declarations included. */
  attributes: number;
  /** Characters in one element or attribute name, prefix included. */
  nameLength: number;
  /** Namespace declarations in the whole document. */
  namespaceDeclarations: number;
}

/** Far above any EPP command (a handful of declarations, nesting under 15), far below harm. */
export const XML_LIMITS: XmlLimits = { depth: 64, attributes: 64, nameLength: 256, namespaceDeclarations: 256 };

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function bad(message: string, at: number): never {
  throw new XmlSyntaxError(`${message} (at offset ${at})`);
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 0xc0;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 58 || c === 0xb7;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function isXmlChar(cp: number): boolean {
  return (
    cp === 9 ||
    cp === 10 ||
    cp === 13 ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Replaces the five predefined entities and character references; anything else is an error. */
function unescape(s: string, at: number): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp);
    if (semi < 0 || semi - amp > 12) bad("unterminated entity reference", at + amp);
    const ref = s.slice(amp + 1, semi);
    let value: string | undefined;
    if (ref.charCodeAt(0) === 35) {
      const hex = ref.charCodeAt(1) === 120;
      const digits = ref.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) bad(`bad character reference &${ref};`, at + amp);
      const cp = parseInt(digits, hex ? 16 : 10);
      if (!isXmlChar(cp)) bad(`character reference &${ref}; is not an XML character`, at + amp);
      value = String.fromCodePoint(cp);
    } else value = ENTITIES[ref];
    if (value === undefined) bad(`unknown entity &${ref};`, at + amp);
    out += s.slice(from, amp) + value;
    from = semi + 1;
    amp = s.indexOf("&", from);
  }
  return out + s.slice(from);
}

class Reader {
  pos = 0;
  /** prefix -> namespace in scope at the current element ("" is the default namespace). */
  private readonly bindings = new Map<string, string | undefined>();
  /** What each declaration shadowed, so an element's end restores its parent's scope. */
  private readonly shadowed: { prefix: string; previous: string | undefined }[] = [];
  private declarations = 0;

  constructor(
    private readonly xml: string,
    private readonly limits: XmlLimits,
  ) {}

  private name(): string {
    const start = this.pos;
    if (!isNameStart(this.xml.charCodeAt(start))) bad("expected a name", start);
    const stop = Math.min(this.xml.length, start + this.limits.nameLength + 1);
    let i = start + 1;
    while (i < stop && isNameChar(this.xml.charCodeAt(i))) i++;
    if (i - start > this.limits.nameLength) bad(`name longer than ${this.limits.nameLength} characters`, start);
    this.pos = i;
    return this.xml.slice(start, i);
  }

  private declare(prefix: string, value: string, at: number): void {
    if (++this.declarations > this.limits.namespaceDeclarations)
      bad(`more than ${this.limits.namespaceDeclarations} namespace declarations`, at);
    this.shadowed.push({ prefix, previous: this.bindings.get(prefix) });
    this.bindings.set(prefix, value);
  }

  private restoreScope(mark: number): void {
    while (this.shadowed.length > mark) {
      const { prefix, previous } = this.shadowed.pop() as { prefix: string; previous: string | undefined };
      // Unbound is stored as undefined, never deleted: V8 rehashes a Map on delete-then-add churn.
      this.bindings.set(prefix, previous);
    }
  }

  private spaces(): boolean {
    const start = this.pos;
    while (isSpace(this.xml.charCodeAt(this.pos))) this.pos++;
    return this.pos > start;
  }

  /** Skips a comment or processing instruction starting at pos; false when there is none. */
  private skipMisc(): boolean {
    const { xml } = this;
    let close: string;
    if (xml.startsWith("<!--", this.pos)) close = "-->";
    else if (xml.startsWith("<?", this.pos)) close = "?>";
    else return false;
    const end = xml.indexOf(close, this.pos + 2);
    if (end < 0) bad("unterminated comment or processing instruction", this.pos);
    this.pos = end + close.length;
    return true;
  }

  document(): XNode {
    const { xml } = this;
    let root: XNode | undefined;
    if (xml.charCodeAt(0) === 0xfeff) this.pos = 1;
    for (;;) {
      this.spaces();
      if (this.pos >= xml.length) break;
      if (xml.charCodeAt(this.pos) !== 60) bad("text outside the root element", this.pos);
      if (this.skipMisc()) continue;
      if (xml.startsWith("<!", this.pos)) bad("document type declarations are not allowed", this.pos);
      if (root) bad("more than one root element", this.pos);
      root = this.element(1);
    }
    if (!root) bad("no root element", xml.length);
    return root;
  }

  private element(depth: number): XNode {
    const { xml, limits } = this;
    if (depth > limits.depth) bad(`elements nested deeper than ${limits.depth}`, this.pos);
    const lt = this.pos;
    const mark = this.shadowed.length;
    this.pos += 1;
    const raw = this.name();
    const attrs: Record<string, string> = {};
    let seen: Set<string> | undefined;
    let selfClosing = false;
    for (;;) {
      const spaced = this.spaces();
      const c = xml.charCodeAt(this.pos);
      if (c === 62) {
        this.pos += 1;
        break;
      }
      if (c === 47 && xml.charCodeAt(this.pos + 1) === 62) {
        this.pos += 2;
        selfClosing = true;
        break;
      }
      if (!spaced) bad("bad attribute", this.pos);
      const at = this.pos;
      const key = this.name();
      this.spaces();
      if (xml.charCodeAt(this.pos) !== 61) bad(`attribute ${key} without a value`, at);
      this.pos += 1;
      this.spaces();
      const q = xml[this.pos];
      if (q !== '"' && q !== "'") bad(`attribute ${key} value not quoted`, at);
      const end = xml.indexOf(q, this.pos + 1);
      if (end < 0) bad("unterminated attribute value", at);
      const rawValue = xml.slice(this.pos + 1, end);
      if (rawValue.includes("<")) bad("'<' in an attribute value", at);
      this.pos = end + 1;
      seen ??= new Set();
      if (seen.has(key)) bad(`duplicate attribute ${key}`, at);
      if (seen.size >= limits.attributes) bad(`more than ${limits.attributes} attributes on <${raw}>`, at);
      seen.add(key);
      const value = unescape(rawValue, at);
      if (key === "xmlns" || key.startsWith("xmlns:")) {
        const prefix = key === "xmlns" ? "" : key.slice(6);
        if (prefix !== "" && value === "") bad(`empty namespace for prefix ${prefix}`, at);
        this.declare(prefix, value, at);
      } else attrs[key] = value;
    }
    const colon = raw.indexOf(":");
    const prefix = colon >= 0 ? raw.slice(0, colon) : "";
    const ns = this.bindings.get(prefix);
    if (ns === undefined) bad(`undeclared namespace prefix '${prefix}'`, lt);
    const node: XNode = { ns, local: colon >= 0 ? raw.slice(colon + 1) : raw, attrs, children: [], text: "" };
    if (selfClosing) {
      this.restoreScope(mark);
      return node;
    }
    for (;;) {
      const next = xml.indexOf("<", this.pos);
      if (next < 0) bad(`unclosed element <${raw}>`, lt);
      if (next > this.pos) node.text += unescape(xml.slice(this.pos, next), this.pos);
      this.pos = next;
      if (xml.charCodeAt(next + 1) === 47) {
        this.pos += 2;
        const closing = this.name();
        this.spaces();
        if (closing !== raw || xml.charCodeAt(this.pos) !== 62) bad(`mismatched end tag for <${raw}>`, next);
        this.pos += 1;
        this.restoreScope(mark);
        return node;
      }
      if (xml.startsWith("<![CDATA[", next)) {
        const end = xml.indexOf("]]>", next + 9);
        if (end < 0) bad("unterminated CDATA section", next);
        node.text += xml.slice(next + 9, end);
        this.pos = end + 3;
        continue;
      }
      if (this.skipMisc()) continue;
      if (xml.startsWith("<!", next)) bad("declarations are not allowed inside elements", next);
      node.children.push(this.element(depth + 1));
    }
  }
}

/** `limits` is for tests and benchmarks; the registry always reads with XML_LIMITS. */
export function parseXml(xml: string, limits: Partial<XmlLimits> = {}): XNode {
  return new Reader(xml, { ...XML_LIMITS, ...limits }).document();
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

const NEEDS_ESCAPE = /[&<>"]/;

export function escapeXml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

type Attrs = Record<string, string | number | boolean | undefined>;

/** el("domain:name", { avail: 1 }, "example.com") -> <domain:name avail="1">example.com</domain:name> */
export function el(
  name: string,
  attrs: Attrs | null = null,
  ...content: (string | undefined | false | null)[]
): string {
  let a = "";
  if (attrs) for (const k in attrs) if (attrs[k] !== undefined) a += ` ${k}="${escapeXml(String(attrs[k]))}"`;
  // Plain loops: responses are built from thousands of these calls per second.
  let body = "";
  for (const c of content) if (typeof c === "string") body += c;
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
