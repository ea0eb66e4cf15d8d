/**
 * A typed client for the reseller API: openapi-fetch over the generated `paths` (v1.d.ts), so every
 * path, parameter, body and answer is checked by the compiler against the OpenAPI document. It
 * imports nothing of the platform and can be copied into a reseller's own code base as it is.
 *
 *   const api = createApiClient({ baseUrl: "https://console.example/api/v1", key: "rk_test_…" });
 *   const { data, error } = await api.GET("/domains/check", { params: { query: { name: "example.com" } } });
 */
import createClient, { type Client } from "openapi-fetch";
import type { components, operations, paths } from "./v1";

export type { components, operations, paths };
export type ApiClient = Client<paths>;
export type Problem = components["schemas"]["Problem"];

export type ApiClientOptions = {
  /** Up to and including /api/v1. */
  baseUrl: string;
  /** rk_live_… or rk_test_… */
  key: string;
  /** Another fetch (tests, proxies); the global one by default. */
  fetch?: typeof fetch;
  headers?: Record<string, string>;
};

export function createApiClient(opts: ApiClientOptions): ApiClient {
  return createClient<paths>({
    baseUrl: opts.baseUrl,
    headers: { authorization: `Bearer ${opts.key}`, ...opts.headers },
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
}

/** The Idempotency-Key header every POST takes, in the shape the generated types ask for. */
export function idempotent(key: string): { header: { "Idempotency-Key": string } } {
  return { header: { "Idempotency-Key": key } };
}
