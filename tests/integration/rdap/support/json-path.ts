/**
 * The JSONPath subset RDAP redaction paths use (RFC 9535: name and index selectors, wildcard, and
 * equality filters on a relative path), enough to check that a prePath finds nothing and a postPath
 * finds something, as ICANN's conformance tool does. Throws on anything outside the subset, which the
 * profile checks report as an invalid path.
 */
type Token =
  | { kind: "name"; name: string }
  | { kind: "index"; index: number }
  | { kind: "wildcard" }
  | { kind: "filter"; path: Token[]; equals: string };

const STEP =
  /^(?:\.([A-Za-z_][\w-]*)|\[(\d+)\]|\[\*\]|\.\*|\[\?\(@((?:\.[A-Za-z_][\w-]*|\[\d+\])*)\s*==\s*'([^']*)'\)\])/;

function tokenize(path: string): Token[] {
  const tokens: Token[] = [];
  let rest = path;
  while (rest.length > 0) {
    const m = STEP.exec(rest);
    if (!m) throw new Error(`Unsupported JSONPath at "${rest}" in ${path}`);
    if (m[1] !== undefined) tokens.push({ kind: "name", name: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: "index", index: Number(m[2]) });
    else if (m[3] !== undefined) tokens.push({ kind: "filter", path: tokenize(m[3]), equals: m[4] });
    else tokens.push({ kind: "wildcard" });
    rest = rest.slice(m[0].length);
  }
  return tokens;
}

function children(node: unknown): unknown[] {
  if (Array.isArray(node)) return node;
  if (node !== null && typeof node === "object") return Object.values(node);
  return [];
}

function step(nodes: unknown[], token: Token): unknown[] {
  const out: unknown[] = [];
  for (const node of nodes) {
    if (token.kind === "name") {
      if (node !== null && typeof node === "object" && !Array.isArray(node) && token.name in node)
        out.push((node as Record<string, unknown>)[token.name]);
    } else if (token.kind === "index") {
      if (Array.isArray(node) && token.index < node.length) out.push(node[token.index]);
    } else if (token.kind === "wildcard") {
      out.push(...children(node));
    } else {
      for (const child of children(node)) {
        if (evaluate(child, token.path).some((v) => v === token.equals)) out.push(child);
      }
    }
  }
  return out;
}

function evaluate(root: unknown, tokens: Token[]): unknown[] {
  return tokens.reduce<unknown[]>((nodes, t) => step(nodes, t), [root]);
}

/** The values `path` selects in `root`. */
export function jsonPath(root: unknown, path: string): unknown[] {
  if (!path.startsWith("$")) throw new Error(`A JSONPath starts with $: ${path}`);
  return evaluate(root, tokenize(path.slice(1)));
}
