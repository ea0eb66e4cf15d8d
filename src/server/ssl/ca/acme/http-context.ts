/**
 * acme-client sends every request through one module-wide axios instance and reduces every failure to
 * an Error carrying only the problem's detail text. We need per-CA TLS trust and timeouts, the problem
 * *type* (rate limits are not refusals) and whether a failed request had been sent. So each adapter
 * call runs inside an AsyncLocalStorage scope that interceptors on that instance read and write;
 * requests made outside a scope (nobody else today) are left untouched.
 *
 * acme-client's own HTTP retries are switched off inside a scope: it would sleep up to a minute on
 * network errors and obey a rate limit's Retry-After for hours. The order engine retries instead.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import https from "node:https";
import type { ClientRequest, IncomingMessage, RequestOptions } from "node:http";
import * as acme from "acme-client";

export interface AcmeProblem {
  type: string;
  detail: string;
  status: number;
}

export interface NetworkFailure {
  code: string;
  message: string;
  method: string;
  /** The request had been written completely before it failed: the CA may have acted on it. */
  afterSend: boolean;
}

export interface AcmeCallScope {
  agent: https.Agent;
  timeoutMs: number;
  /** The problem document of the most recent response, if that response was one. */
  problem?: AcmeProblem;
  lastStatus?: number;
  network?: NetworkFailure;
}

const scopes = new AsyncLocalStorage<AcmeCallScope>();
let installed = false;

// Larger than any retryMaxAttempts, so acme-client's interceptor never schedules a retry.
const NO_LIBRARY_RETRIES = 1_000_000;

function recordingTransport(scope: AcmeCallScope) {
  return {
    request(options: RequestOptions, onResponse: (res: IncomingMessage) => void): ClientRequest {
      const req = https.request(options, onResponse);
      let sent = false;
      req.on("finish", () => (sent = true));
      const method = String(options.method ?? "GET").toUpperCase();
      req.on("error", (error: NodeJS.ErrnoException) => {
        scope.network ??= { code: error.code ?? "ERR_NETWORK", message: error.message, method, afterSend: sent };
      });
      // axios rejects on its timer without always destroying the request, so note the timeout here.
      req.on("timeout", () => {
        scope.network ??= { code: "ETIMEDOUT", message: "The CA did not answer in time.", method, afterSend: sent };
      });
      return req;
    },
  };
}

function install() {
  if (installed) return;
  installed = true;
  acme.axios.interceptors.request.use((config) => {
    const scope = scopes.getStore();
    if (!scope) return config;
    const tuned = config as typeof config & { retryAttempt?: number; transport?: unknown };
    if (tuned.retryAttempt === undefined) tuned.retryAttempt = NO_LIBRARY_RETRIES;
    tuned.httpsAgent = scope.agent;
    tuned.timeout = scope.timeoutMs;
    // Only https: an ACME directory over plain http (never in production) keeps axios' default transport.
    if (String(config.url ?? "").startsWith("https:")) tuned.transport = recordingTransport(scope);
    scope.network = undefined;
    scope.problem = undefined;
    scope.lastStatus = undefined;
    return tuned;
  });
  acme.axios.interceptors.response.use((response) => {
    const scope = scopes.getStore();
    if (!scope) return response;
    scope.lastStatus = response.status;
    const contentType = String(response.headers["content-type"] ?? "");
    const data: unknown = response.data;
    if (contentType.includes("problem+json") && data && typeof data === "object" && "type" in data) {
      const body = data as { type: unknown; detail?: unknown };
      scope.problem = { type: String(body.type), detail: String(body.detail ?? ""), status: response.status };
    } else {
      scope.problem = undefined;
    }
    return response;
  });
}

export function runInAcmeScope<T>(scope: AcmeCallScope, fn: () => Promise<T>): Promise<T> {
  install();
  return scopes.run(scope, fn);
}
