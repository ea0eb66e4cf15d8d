/**
 * The reseller API over any HTTP server: a plain request in (method, target, headers, a body read on
 * demand), a plain answer out (status, headers, body text), no framework and no Web Request/Response
 * objects, which cost more than the rest of the layer (decision 140). In order: route, key (401/403;
 * rows kept in process, decision 108), mode, rate limit (429; in process), scope (403), a live change
 * past an unaccepted agreement's deadline (403, decision 118), Idempotency-Key on POST, input parsed
 * by the route's zod schemas (400 when it is not JSON at all, 422 when it does not fit), the one
 * service call, problem details for every failure. docs/decisions/088-reseller-api-keys.md.
 * Adapters: handle-api-request.ts (Web objects: the Next route), node-api-listener.ts (node:http).
 */
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { openSecret, sealSecret } from "@/server/crypto/sealed-secret";
import { authenticateApiKey, type ApiCaller } from "@/server/api-keys/authenticate-api-key";
import { RouteInputError, type ApiRoute } from "./define-route";
import { inSandbox } from "@/server/registry/access/registry-mode";
import { freshAsOf } from "@/server/cache/barrier";
import { matchRoute } from "./routes";
import { agreementRefusal } from "./agreement-gate";
import { problem, problemFromError, type FieldError, type Problem } from "./problem";
import { DEFAULT_API_RATE, takeApiRequest, type ApiRateRule } from "./rate-limit";
import {
  claimIdempotencyKey,
  dropExpiredIdempotency,
  requestFingerprint,
  settleIdempotencyKey,
  validIdempotencyKey,
} from "./idempotency";

export const API_PREFIX = "/api/v1";
const MAX_BODY_BYTES = 256 * 1024;

export type ApiOptions = { rate?: ApiRateRule; now?: () => Date };

/** What a server hands over of one request. */
export type ApiCall = {
  method: string;
  /** The request target: path and query, as on the request line (`/api/v1/domains/check?name=…`). */
  target: string;
  /** Header names in lower case (as node:http gives them); a repeated header's first value counts. */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /**
   * The body as UTF-8 text, read only for a route that takes one and only once the key and scope
   * are checked; past `maxBytes` it throws AppError PAYLOAD_TOO_LARGE without buffering the rest.
   */
  readBody: (maxBytes: number) => Promise<string>;
};

/** What the server sends back. */
export type ApiAnswer = { status: number; headers: Record<string, string>; body: string };

/** Set on the second run of a read whose cached key turned out stale: read the key, then answer. */
type Run = ApiOptions & { keyFromDatabase?: boolean };

type Answer = { status: number; body: string; contentType: string };

const json = (status: number, value: unknown): Answer => ({
  status,
  body: JSON.stringify(value),
  contentType: "application/json",
});

function problemAnswer(e: unknown): Answer {
  const p = problemFromError(e);
  return { status: p.status, body: JSON.stringify(p), contentType: "application/problem+json" };
}

/** A sealed stored answer opened for a replay; one sealed under a key since retired cannot be replayed. */
function openStoredAnswer(stored: Answer): Answer {
  const body = openSecret(stored.body);
  if (body !== null) return { ...stored, body };
  return problemAnswer(new AppError("CONFLICT", "This answer can no longer be replayed; use a new Idempotency-Key."));
}

function toAnswer(a: Answer, headers: Record<string, string>): ApiAnswer {
  return { status: a.status, headers: { "content-type": a.contentType, ...headers }, body: a.body };
}

function problemReply(p: Problem, headers: Record<string, string> = {}): ApiAnswer {
  return {
    status: p.status,
    headers: { "content-type": "application/problem+json", ...headers },
    body: JSON.stringify(p),
  };
}

function header(call: ApiCall, name: string): string | null {
  const v = call.headers[name];
  return (typeof v === "string" ? v : v?.[0]) ?? null;
}

// Only the path and query of the target count; the base just lets URL parse (and normalise) it.
const TARGET_BASE = "http://api.invalid";

function fieldErrors(e: RouteInputError): FieldError[] {
  return e.error.issues.map((i) => ({ field: [e.stage, ...i.path.map(String)].join("."), detail: i.message }));
}

function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) out[k] = v;
  return out;
}

async function runRoute(
  route: ApiRoute,
  caller: ApiCaller | null,
  params: Record<string, string>,
  url: URL,
  bodyText: string | null,
  idempotencyKey: string | null,
): Promise<Answer> {
  let body: unknown = undefined;
  if (route.schemas.body) {
    try {
      body = JSON.parse(bodyText ?? "");
    } catch {
      const p = problem("INVALID_INPUT", "The request body is not JSON.", { status: 400, slug: "malformed-body" });
      return { status: 400, body: JSON.stringify(p), contentType: "application/problem+json" };
    }
  }
  try {
    const data = await route.run(caller, { params, query: queryObject(url), body, idempotencyKey });
    return json(route.status, data);
  } catch (e) {
    if (e instanceof RouteInputError) {
      // A path that names nothing valid names nothing: 404, as for an unknown id.
      if (e.stage === "params") return problemAnswer(new AppError("NOT_FOUND"));
      const p = problem("INVALID_INPUT", "Some of the input is not valid.", { status: 422, errors: fieldErrors(e) });
      return { status: 422, body: JSON.stringify(p), contentType: "application/problem+json" };
    }
    return problemAnswer(e);
  }
}

/** Changes are audited with the key that asked for them (reads only touch the key's last use). */
async function audit(caller: ApiCaller, route: ApiRoute, status: number): Promise<void> {
  await db.$transaction((tx) =>
    recordAudit(tx, caller.ctx, {
      action: "api.request",
      entity: "api_key",
      entityId: caller.key.id,
      resellerId: caller.ctx.resellerId,
      after: { operation: route.operationId, method: route.method, status, key: caller.key.displayPrefix },
    }),
  );
}

/**
 * Every cache the request consults (its key, the reseller's search context …) is as fresh as the
 * database was when it arrived, proven by one barrier round shared by all of them (decision 135).
 */
export function handleApiCall(call: ApiCall, clientIp: string, opts: ApiOptions = {}): Promise<ApiAnswer> {
  return freshAsOf(performance.now(), () => handle(call, clientIp, opts));
}

async function handle(call: ApiCall, clientIp: string, opts: Run): Promise<ApiAnswer> {
  const now = opts.now?.() ?? new Date();
  const url = new URL(call.target, TARGET_BASE);
  if (url.pathname !== API_PREFIX && !url.pathname.startsWith(`${API_PREFIX}/`))
    return problemReply(problem("NOT_FOUND"));
  const method = call.method.toUpperCase();
  const { match, allowed } = matchRoute(method, url.pathname.slice(API_PREFIX.length));
  if (!match) {
    if (allowed.length)
      return problemReply(
        problem("INVALID_INPUT", `Use ${allowed.join(" or ")} here.`, { status: 405, slug: "method-not-allowed" }),
        {
          Allow: allowed.join(", "),
        },
      );
    return problemReply(problem("NOT_FOUND", "There is no such API route."));
  }
  const { route, params } = match;
  if (route.scope === null) return toAnswer(await runRoute(route, null, params, url, null, null), {});

  let caller: ApiCaller;
  try {
    // A read may start on this process's copy of the key while the key cache's barrier is on the wire
    // (decision 108); nothing is answered before the copy is known to be current.
    const optimistic = route.method === "GET" && !opts.keyFromDatabase;
    caller = await authenticateApiKey(header(call, "authorization"), clientIp, now, { optimistic });
  } catch (e) {
    const p = problemFromError(e);
    return problemReply(p, p.status === 401 ? { "WWW-Authenticate": 'Bearer realm="api"' } : {});
  }
  const modeHeader = { "Api-Mode": caller.key.mode };
  const rate = takeApiRequest(caller.key.id, opts.rate ?? DEFAULT_API_RATE, now);
  const headers = { ...modeHeader, ...rate.headers };
  if (!rate.allowed)
    return problemReply(problem("RATE_LIMITED", "This key has made too many requests; see Retry-After."), headers);
  // A test key's whole request runs in the sandbox: its reseller is the shadow (authenticateApiKey)
  // and every registry command goes to the sandbox registry (decision 100).
  const response =
    caller.key.mode === "test"
      ? await inSandbox(() => authorised(call, caller, route, params, url, headers, now))
      : await authorised(call, caller, route, params, url, headers, now);
  if (await caller.current) return response;
  return handle(call, clientIp, { ...opts, keyFromDatabase: true });
}

async function authorised(
  call: ApiCall,
  caller: ApiCaller,
  route: ApiRoute,
  params: Record<string, string>,
  url: URL,
  headers: Record<string, string>,
  now: Date,
): Promise<ApiAnswer> {
  const method = route.method;
  if (route.scope === null || !caller.key.scopes.includes(route.scope))
    return problemReply(
      problem("FORBIDDEN", `This key lacks the "${route.scope}" scope.`, { slug: "missing-scope" }),
      headers,
    );
  // Only live changes wait on the agreement; a read-scoped POST (a bulk check) changes nothing.
  if (caller.key.mode === "live" && method !== "GET" && route.scope !== "read") {
    const refused = await agreementRefusal(caller.ctx.resellerId);
    if (refused) return problemReply(refused, headers);
  }

  let bodyText: string | null = null;
  if (route.schemas.body) {
    try {
      bodyText = await call.readBody(MAX_BODY_BYTES);
    } catch (e) {
      return problemReply(problemFromError(e), headers);
    }
  }

  if (method !== "POST") {
    const answer = await runRoute(route, caller, params, url, bodyText, null);
    if (method !== "GET") await audit(caller, route, answer.status);
    return toAnswer(answer, headers);
  }

  const idempotencyKey = header(call, "idempotency-key");
  if (!validIdempotencyKey(idempotencyKey))
    return problemReply(
      problem("INVALID_INPUT", "Send an Idempotency-Key header (1 to 255 visible ASCII characters) with every POST.", {
        status: 400,
        slug: "idempotency-key-missing",
      }),
      headers,
    );
  await dropExpiredIdempotency(caller.key.id, now);
  const claim = await claimIdempotencyKey(
    caller.key.id,
    idempotencyKey,
    requestFingerprint(method, url.pathname, bodyText ?? ""),
    now,
  );
  if (claim.kind === "mismatch")
    return problemReply(
      problem("CONFLICT", "This Idempotency-Key was used with another request; use a new key.", {
        status: 422,
        slug: "idempotency-key-reused",
      }),
      headers,
    );
  if (claim.kind === "in_progress")
    return problemReply(
      problem("CONFLICT", "A request with this Idempotency-Key is still running; retry shortly.", {
        slug: "idempotency-key-in-use",
      }),
      { ...headers, "Retry-After": "1" },
    );
  if (claim.kind === "replay") {
    const stored = route.sealAnswer ? openStoredAnswer(claim.answer) : claim.answer;
    return toAnswer(stored, { ...headers, "Idempotent-Replayed": "true" });
  }

  let answer: Answer;
  try {
    answer = await runRoute(route, caller, params, url, bodyText, idempotencyKey);
  } catch (e) {
    await settleIdempotencyKey(caller.key.id, idempotencyKey, null);
    throw e;
  }
  // Our own failures are not the request's answer: the key is freed so a retry runs again.
  await settleIdempotencyKey(
    caller.key.id,
    idempotencyKey,
    answer.status >= 500 ? null : route.sealAnswer ? { ...answer, body: sealSecret(answer.body) } : answer,
  );
  if (route.scope !== "read") await audit(caller, route, answer.status);
  return toAnswer(answer, headers);
}
