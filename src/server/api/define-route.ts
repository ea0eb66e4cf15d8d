/**
 * One API route: method, path template, the scope it needs, zod schemas for its path parameters,
 * query, body and answer, and the one service call it makes. The handler layer parses with these
 * schemas and the OpenAPI document is generated from the same ones, so the two cannot disagree.
 */
import type { z } from "zod";
import type { ApiScope } from "@/generated/prisma/enums";
import type { ApiCaller } from "@/server/api-keys/authenticate-api-key";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export type RouteInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  /** The Idempotency-Key of a POST (the handler layer has checked and claimed it). */
  idempotencyKey: string | null;
};

export type RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> = {
  method: HttpMethod;
  /** Under /api/v1, with `{name}` parameters. */
  path: string;
  operationId: string;
  summary: string;
  /** null: no key needed (the OpenAPI document itself). */
  scope: ApiScope | null;
  params: P;
  query: Q;
  body: B | null;
  response: R;
  /** The success status (200 unless the route creates something). */
  status?: number;
  /** The answer holds a secret shown once: the copy kept for Idempotency-Key replays is sealed. */
  sealAnswer?: boolean;
  handler: (caller: ApiCaller, input: RouteInput<P, Q, B>) => Promise<z.input<R>>;
};

export type ApiRoute = {
  method: HttpMethod;
  path: string;
  operationId: string;
  summary: string;
  scope: ApiScope | null;
  status: number;
  sealAnswer: boolean;
  schemas: { params: z.ZodType; query: z.ZodType; body: z.ZodType | null; response: z.ZodType };
  /** Parses raw input with the route's schemas (ZodError on failure), runs the handler, checks the answer. */
  run: (
    caller: ApiCaller | null,
    raw: { params: unknown; query: unknown; body: unknown; idempotencyKey: string | null },
  ) => Promise<unknown>;
};

export type ParseStage = "params" | "query" | "body";

export class RouteInputError extends Error {
  constructor(
    readonly stage: ParseStage,
    readonly error: z.ZodError,
  ) {
    super(`invalid ${stage}`);
  }
}

export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  spec: RouteSpec<P, Q, B, R>,
): ApiRoute {
  const parse = <S extends z.ZodType>(stage: ParseStage, schema: S, value: unknown): z.output<S> => {
    const r = schema.safeParse(value);
    if (!r.success) throw new RouteInputError(stage, r.error);
    return r.data;
  };
  return {
    method: spec.method,
    path: spec.path,
    operationId: spec.operationId,
    summary: spec.summary,
    scope: spec.scope,
    status: spec.status ?? 200,
    sealAnswer: spec.sealAnswer ?? false,
    schemas: { params: spec.params, query: spec.query, body: spec.body, response: spec.response },
    run: async (caller, raw) => {
      const input: RouteInput<P, Q, B> = {
        params: parse("params", spec.params, raw.params),
        query: parse("query", spec.query, raw.query),
        body: spec.body ? parse("body", spec.body, raw.body) : (undefined as z.output<B>),
        idempotencyKey: raw.idempotencyKey,
      };
      // Only the OpenAPI route runs without a caller; the handler layer never lets a scoped route do so.
      const answer = await spec.handler(caller as ApiCaller, input);
      // The answer is held to its documented shape: unknown fields are dropped, a wrong one is our bug.
      return spec.response.parse(answer);
    },
  };
}
