/**
 * A JSON Schema (as the OpenAPI document holds it) written as a short TypeScript-like type, for the
 * API reference page: `{ name: string; years: integer; privacy?: boolean = false }`. Readable, not
 * complete: formats, patterns and lengths stay in the JSON document.
 */
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: Schema | boolean;
  default?: unknown;
  $ref?: string;
};

const INDENT = "  ";

export function schemaText(schema: unknown, depth = 0): string {
  const s = (schema ?? {}) as Schema;
  if (s.$ref) return s.$ref.split("/").pop() ?? "unknown";
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map((u) => schemaText(u, depth)).join(" | ");
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) return types.map((t) => schemaText({ ...s, type: t }, depth)).join(" | ");
  const type = types[0];
  if (type === "array") {
    const item = schemaText(s.items, depth);
    return item.includes(" | ") ? `(${item})[]` : `${item}[]`;
  }
  if (type === "object" || s.properties) {
    const props = Object.entries(s.properties ?? {});
    if (!props.length) {
      if (s.additionalProperties && typeof s.additionalProperties === "object")
        return `{ [key: string]: ${schemaText(s.additionalProperties, depth)} }`;
      return "{}";
    }
    const required = new Set(s.required ?? []);
    const pad = INDENT.repeat(depth + 1);
    const lines = props.map(([name, p]) => {
      const optional = required.has(name) ? "" : "?";
      const fallback = p.default !== undefined ? ` = ${JSON.stringify(p.default)}` : "";
      return `${pad}${name}${optional}: ${schemaText(p, depth + 1)}${fallback}`;
    });
    return `{\n${lines.join("\n")}\n${INDENT.repeat(depth)}}`;
  }
  return type ?? "unknown";
}
