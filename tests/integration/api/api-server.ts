/**
 * The API served over real HTTP for tests: node:http in front of handleApiRequest, on a port of
 * this suite's range (5780-5789). The caller's address is the socket's, unless the test names one
 * in X-Test-Client-Ip (only this test server reads it) to stand where an allowlist does not reach.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import { handleApiRequest, type ApiOptions } from "@/server/api/handle-api-request";
import { createApiKey } from "@/server/api-keys/create-api-key";
import type { ActorContext } from "@/server/context";
import { MockRegistry } from "@/mock-registry";
import { buildRegistryRouter, setSandboxRegistryForTests } from "@/server/registry/access";
import { createApiClient, type ApiClient } from "@/api-client";
import { REGISTRY_FROZEN_AT, TEST_TLDS } from "../../support/factories/domains";

export type ApiServer = { base: string; close(): Promise<void>; options: ApiOptions };

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, body });
}

export async function startApiServer(port: number, options: ApiOptions = {}): Promise<ApiServer> {
  const origin = `http://127.0.0.1:${port}`;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const ip = (req.headers["x-test-client-ip"] as string | undefined) ?? req.socket.remoteAddress ?? "unknown";
      const response = await handleApiRequest(await toRequest(req, origin), ip, options);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((e: unknown) => {
      res.writeHead(599);
      res.end(String(e));
    });
  });
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
