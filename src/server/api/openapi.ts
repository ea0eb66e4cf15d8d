/**
 * The OpenAPI 3.1 document, generated from the routes' zod schemas with zod's own JSON Schema output
 * (draft 2020-12, the dialect OpenAPI 3.1 uses): request bodies and parameters as input types,
 * answers as output types. Errors share one problem-details schema.
 */
import { z } from "zod";
import { ERROR_CODES } from "@/server/errors";
import { SCOPE_WORDS } from "@/server/api-keys/scopes";
import type { ApiRoute } from "./define-route";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType, where: "path" | "query"): JsonSchema[] {
  const s = jsonSchema(schema, "input");
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, p]) => {
    const { description, ...rest } = p;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

const problemSchema: JsonSchema = {
  type: "object",
  description: "RFC 9457 problem details; `code` is stable, branch on it.",
  required: ["type", "title", "status", "detail", "code"],
  properties: {
    type: { type: "string", format: "uri" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    code: { type: "string", enum: Object.keys(ERROR_CODES) },
    errors: {
      type: "array",
      items: {
        type: "object",
        required: ["field", "detail"],
        properties: { field: { type: "string" }, detail: { type: "string" } },
      },
    },
  },
};

const problemRef = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

const rateHeaders = {
  RateLimit: {
    description: "Remaining requests and seconds to reset (IETF httpapi draft).",
    schema: { type: "string" },
  },
  "RateLimit-Policy": { description: "The key's quota and window.", schema: { type: "string" } },
  "Api-Mode": { description: "live or test: which mode the key acts in.", schema: { type: "string" } },
};

function operation(route: ApiRoute): JsonSchema {
  const params = [...parameters(route.schemas.params, "path"), ...parameters(route.schemas.query, "query")];
  if (route.method === "POST")
    params.push({
      name: "Idempotency-Key",
      in: "header",
      required: true,
      description: "Any unique string up to 255 characters; a retry with the same key and body gets the first answer.",
      schema: { type: "string", maxLength: 255 },
    });
  const responses: Record<string, unknown> = {
    [String(route.status)]: {
      description: "Success.",
      headers: route.scope ? rateHeaders : undefined,
      content: { "application/json": { schema: jsonSchema(route.schemas.response, "output") } },
    },
  };
  if (route.scope) {
    responses["401"] = problemRef("No key, or a key that is unknown, revoked or expired.");
    responses["403"] = problemRef(
      route.method === "GET" || route.scope === "read"
        ? "The key lacks the scope, or the address is not on its allowlist."
        : "The key lacks the scope, the address is not on its allowlist, or (live keys) the reseller agreement is past its accept-by date and not accepted (type …:agreement-not-accepted).",
    );
    responses["429"] = problemRef("Over the key's rate limit; see Retry-After.");
  }
  if (route.schemas.params instanceof z.ZodObject && Object.keys(route.schemas.params.shape).length)
    responses["404"] = problemRef("Not found, or another reseller's.");
  if (route.schemas.body || Object.keys(params).length) responses["422"] = problemRef("Invalid input.");
  const op: JsonSchema = {
    operationId: route.operationId,
    summary: route.summary,
    parameters: params,
    responses,
    security: route.scope ? [{ apiKey: [] }] : [],
  };
  if (route.scope) op["x-scope"] = route.scope;
  if (route.schemas.body)
    op.requestBody = {
      required: true,
      content: { "application/json": { schema: jsonSchema(route.schemas.body, "input") } },
    };
  return op;
}

export function buildOpenApiDocument(routes: ApiRoute[], serverUrl: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Reseller API",
      version: "1.0.0",
      description:
        "What the reseller console does, over HTTP. Keys are made in the console (Settings → API keys). Scopes: " +
        Object.entries(SCOPE_WORDS)
          .map(([s, w]) => `${s}: ${w}`)
          .join(" "),
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "rk_live_… or rk_test_…" } },
    },
  };
}
