/**
 * The API served over real HTTP for tests: node:http with the API's node listener, on a port of
 * this suite's range (5780-5789). The caller's address is the socket's, unless the test names one
 * in X-Test-Client-Ip (only this test server reads it) to stand where an allowlist does not reach.
 */
import { createServer, type Server } from "node:http";
import type { ApiOptions } from "@/server/api/handle-api-call";
import { apiNodeListener } from "@/server/api/node-api-listener";
import { createApiKey } from "@/server/api-keys/create-api-key";
import type { ActorContext } from "@/server/context";
import { MockRegistry } from "@/mock-registry";
import { buildRegistryRouter, setSandboxRegistryForTests } from "@/server/registry/access";
import { createApiClient, type ApiClient } from "@/api-client";
import { REGISTRY_FROZEN_AT, TEST_TLDS } from "../../support/factories/domains";

export type ApiServer = { base: string; close(): Promise<void>; options: ApiOptions };

// TEST_API_PORT_BASE moves these servers into a range of the runner's own (a shared host): ten
// ports from it, four per vitest worker (two workers) in the order started, then one second process
// per worker (testApiPort below).
let started = 0;
const worker = (Number(process.env.VITEST_POOL_ID ?? 1) - 1) % 2;

/** The port of the runner's range for `slot` 0-3 of this worker's servers, 8 for its second process. */
export function testApiPort(slot: number): number | null {
  const base = process.env.TEST_API_PORT_BASE;
  if (!base) return null;
  return Number(base) + (slot === 8 ? 8 + worker : worker * 4 + (slot % 4));
}

export async function startApiServer(requestedPort: number, options: ApiOptions = {}): Promise<ApiServer> {
  const port = testApiPort(started++ % 4) ?? requestedPort;
  const origin = `http://127.0.0.1:${port}`;
  const server: Server = createServer(
    apiNodeListener(
      (req) => (req.headers["x-test-client-ip"] as string | undefined) ?? req.socket.remoteAddress ?? "unknown",
      options,
    ),
  );
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    base: `${origin}/api/v1`,
    options,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function makeKey(
  ctx: ActorContext,
  resellerId: string,
  over: Partial<Parameters<typeof createApiKey>[2]> = {},
): Promise<string> {
  const { key } = await createApiKey(ctx, resellerId, {
    name: "shop integration",
    mode: "live",
    scopes: ["read", "domains", "billing"],
    ...over,
  });
  return key;
}

export function call(
  base: string,
  key: string | null,
  path: string,
  init: { method?: string; body?: unknown; idempotencyKey?: string; ip?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.idempotencyKey) headers["idempotency-key"] = init.idempotencyKey;
  if (init.ip) headers["x-test-client-ip"] = init.ip;
  return fetch(base + path, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** The typed client (src/api-client) against a test server, with a key. */
export function clientFor(server: ApiServer, key: string): ApiClient {
  return createApiClient({ baseUrl: server.base, key });
}

/** A second in-memory registry installed as the sandbox's, apart from the live one (decision 100). */
export function startSandboxRegistry(): { registry: MockRegistry; close(): Promise<void> } {
  const registry = new MockRegistry({ dataDir: null, frozenAt: REGISTRY_FROZEN_AT, purgeOnDelete: true });
  const operators = Object.fromEntries(Object.entries(TEST_TLDS).map(([t, [op]]) => [t, op]));
  const { router, close } = buildRegistryRouter(
    { adapter: "inprocess", registry, clientId: "platform", password: "platform-dev-pass", commandTimeoutMs: 300 },
    operators,
  );
  setSandboxRegistryForTests(router, "platform");
  return {
    registry,
    close: async () => {
      setSandboxRegistryForTests(null);
      await close();
    },
  };
}
