/**
 * The OpenAPI document: valid against the OpenAPI Initiative's 3.1 schema, every schema in it a valid
 * JSON Schema 2020-12, and complete — every route any endpoint module defines, and no /api/v1
 * route handler besides the one that delegates to the table, so an undocumented route fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { API_ROUTES, matchRoute } from "@/server/api/routes";
import { buildOpenApiDocument } from "@/server/api/openapi";
import type { ApiRoute } from "@/server/api/define-route";

const root = path.resolve(__dirname, "../../..");
const doc = buildOpenApiDocument(API_ROUTES, "http://localhost:3000/api/v1") as {
  paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
};

function isRoute(v: unknown): v is ApiRoute {
  return typeof v === "object" && v !== null && "operationId" in v && "run" in v && "schemas" in v;
}

async function definedRoutes(): Promise<ApiRoute[]> {
  // Every module of the API layer, so a route defined anywhere in it is found.
  const dir = path.join(root, "src/server/api");
  const found: ApiRoute[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    found.push(...Object.values(mod).filter(isRoute));
  }
  return [...new Set(found)];
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : [],
  );
}

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    // ajv takes a $dynamicAnchor only at a schema's root, so the OAS schema's `$dynamicRef: "#meta"`
    // would resolve to the whole document; with no dialect extending it, "#meta" is $defs/schema.
    const text = readFileSync(path.join(root, "tests/fixtures/openapi-3.1-schema-2022-10-07.json"), "utf8");
    const schema = JSON.parse(text.replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"'));
    const validate = ajv.compile(schema);
    expect(validate(doc), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(doc).toMatchObject({ openapi: "3.1.0" });
  });

  it("holds only valid JSON Schema 2020-12 in its bodies and answers", () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema({ $id: "doc", ...doc });
    for (const [p, methods] of Object.entries(doc.paths))
      for (const [m, op] of Object.entries(methods)) {
        const schemas = [
          (op.requestBody as { content?: Record<string, { schema: object }> } | undefined)?.content?.[
            "application/json"
          ]?.schema,
          ...Object.values(op.responses).map(
            (r) => (r as { content?: Record<string, { schema: object }> }).content?.["application/json"]?.schema,
          ),
        ].filter((s): s is object => Boolean(s));
        for (const s of schemas) expect(() => ajv.compile(s), `${m} ${p}`).not.toThrow();
      }
  });

  it("documents every route an endpoint module defines, and the table answers every documented one", async () => {
    const defined = await definedRoutes();
    expect(defined.length).toBeGreaterThanOrEqual(10);
    for (const route of defined) {
      expect(API_ROUTES, `${route.operationId} is defined but not in API_ROUTES`).toContain(route);
      expect(doc.paths[route.path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    }
    for (const [p, methods] of Object.entries(doc.paths))
      for (const m of Object.keys(methods)) {
        const concrete = p.replace(/\{\w+\}/g, "x.example");
        expect(matchRoute(m.toUpperCase(), concrete).match?.route.path, `${m} ${p}`).toBe(p);
      }
  });

  it("has no /api/v1 route handler outside the table", () => {
    const files = routeFiles(path.join(root, "src/app/api/v1")).map((f) => path.relative(root, f));
    expect(files).toEqual([path.join("src/app/api/v1/[...path]/route.ts")]);
  });
});
