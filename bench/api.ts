/**
 * npm run bench -- api
 * One domain check through the reseller API over HTTP (GET /api/v1/domains/check: key lookup, rate
 * limit, the route's zod parsing, the service, JSON) against the same service the route calls
 * (bulkSearch with one name) called in this process: requests per second as a ratio (goal ≥ 0.5).
 * Each request asks about a name not asked before, so both sides reach the registry (the mock's
 * command layer in this process, through the in-process adapter) rather than the check cache.
 *
 * The HTTP side is a node:http server in this process calling handleApiRequest, the function the
 * Next route hands every /api/v1 request to (as the API's integration tests do), not a Next
 * production build: it measures the API layer and HTTP, without Next's own routing. The key's rate
 * limit is raised for the run (the default 120 a minute would refuse the load); the key row and the
 * limiter live in the process as in production (decision 108), and the key cache's listener is
 * started before measuring. Same database, interleaved rounds, best round kept.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import http from "node:http";
import { applyMigrations } from "../scripts/db/migrations";
import { dropDatabase, ensureDatabase, splitDatabaseUrl, startEmbeddedCluster } from "../scripts/db/embedded";

const PORT = Number(process.env.BENCH_HTTP_PORT ?? 6150);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const r2 = (n: number) => Number(n.toFixed(2));
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

async function pooled(count: number, op: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await op(next++);
    }),
  );
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers });
}

type Run = { rps: number; p50: number; p95: number };

async function measure(op: (i: number) => Promise<void>, offset: number): Promise<Run> {
  const lat: number[] = [];
  const t0 = performance.now();
  await pooled(REQUESTS, async (i) => {
    const s = performance.now();
    await op(offset + i);
    lat.push(performance.now() - s);
  });
  const seconds = (performance.now() - t0) / 1000;
  return { rps: r2(REQUESTS / seconds), p50: r2(pct(lat, 50)), p95: r2(pct(lat, 95)) };
}

export default async function apiBench(): Promise<Record<string, unknown>> {
  const fromEnv = process.env.DATABASE_URL;
  const cluster = fromEnv
    ? null
    : await startEmbeddedCluster({
        dir: ".data/bench-postgres",
        port: Number(process.env.BENCH_PG_PORT ?? 5491),
        persistent: false,
      });
  const serverUrl = fromEnv ? splitDatabaseUrl(fromEnv).serverUrl : (cluster?.serverUrl as string);
  const name = `bench_api_${process.pid}`;
  const url = await ensureDatabase(serverUrl, name);
  process.env.DATABASE_URL = url;
  let server: Server | null = null;
  let registryClose: (() => Promise<void>) | null = null;
  try {
    await applyMigrations(url);
    const f = await import("../tests/support/factories");
    const { handleApiRequest } = await import("../src/server/api/handle-api-request");
    const { bulkSearch } = await import("../src/server/domains/search/bulk-search");
    const { createApiKey } = await import("../src/server/api-keys/create-api-key");
    const { db } = await import("../src/server/db");
    const { apiKeyListenerReady, stopApiKeyListener } = await import("../src/server/api-keys/key-cache");

    await f.createDomainCatalog();
    const reseller = await f.createDomainReseller({ wholesale: 1_500, balance: 100_000 });
    const { ctx } = await f.createStaff(reseller.id, "owner");
    const registry = f.startInProcessRegistry({ commandTimeoutMs: 5_000 });
    registryClose = registry.close;
    const { key } = await createApiKey(ctx, reseller.id, { name: "bench", mode: "live", scopes: ["read"] });

    await apiKeyListenerReady();
    const origin = `http://127.0.0.1:${PORT}`;
    const rate = { limit: 1_000_000, windowSeconds: 60 };
    server = createServer((req, res) => {
      void (async () => {
        const response = await handleApiRequest(await toRequest(req, origin), "127.0.0.1", { rate });
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })().catch((e: unknown) => {
        res.writeHead(500);
        res.end(String(e));
      });
    });
    await new Promise<void>((resolve) => server?.listen(PORT, "127.0.0.1", resolve));
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

    const viaApi = (i: number) =>
      new Promise<void>((resolve, reject) => {
        const req = http.get(
          `${origin}/api/v1/domains/check?name=bench-api-${i}.com`,
          { agent, headers: { authorization: `Bearer ${key}` } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => {
              if (res.statusCode !== 200) reject(new Error(`${res.statusCode}: ${Buffer.concat(chunks).toString()}`));
              else resolve();
            });
          },
        );
        req.on("error", reject);
      });
    // The handler without HTTP: splits the API layer's cost from the transport's.
    const handlerOnly = async (i: number) => {
      const res = await handleApiRequest(
        new Request(`${origin}/api/v1/domains/check?name=bench-handler-${i}.com`, {
          headers: { authorization: `Bearer ${key}` },
        }),
        "127.0.0.1",
        { rate },
      );
      if (res.status !== 200) throw new Error(`${res.status}`);
      await res.arrayBuffer();
    };
    const inProcess = async (i: number) => {
      const rows: unknown[] = [];
      await bulkSearch(ctx, { resellerId: reseller.id, text: `bench-svc-${i}.com` }, (b) => rows.push(...b));
      if (rows.length !== 1) throw new Error("no answer");
    };

    // Warm both paths (module loading, the registry's sessions, the price context).
    await measure(viaApi, 900_000);
    await measure(inProcess, 900_000);
    const api: Run[] = [];
    const svc: Run[] = [];
    const bare: Run[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      svc.push(await measure(inProcess, r * REQUESTS));
      bare.push(await measure(handlerOnly, r * REQUESTS));
      api.push(await measure(viaApi, r * REQUESTS));
    }
    agent.destroy();
    await stopApiKeyListener();
    const best = (runs: Run[]) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));
    const a = best(api);
    const s = best(svc);
    const h = best(bare);
    const ratio = r2(a.rps / s.rps);
    console.log(
      `api bench: ${REQUESTS} checks × ${ROUNDS} rounds, ${CONCURRENCY} concurrent; HTTP through a node:http server calling handleApiRequest (not a Next build)`,
    );
    console.log(`  in process (bulkSearch):   ${s.rps} checks/s  p50 ${s.p50} ms  p95 ${s.p95} ms`);
    console.log(`  handler, no HTTP:          ${h.rps} checks/s  p50 ${h.p50} ms  p95 ${h.p95} ms`);
    console.log(`  API over HTTP:             ${a.rps} checks/s  p50 ${a.p50} ms  p95 ${a.p95} ms`);
    console.log(`  ratio ${ratio}x (goal >= 0.5)`);
    await db.$disconnect();
    return {
      server: "node:http + handleApiRequest",
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      inProcessRps: s.rps,
      apiRps: a.rps,
      apiP50Ms: a.p50,
      handlerRps: h.rps,
      inProcessP50Ms: s.p50,
      ratio,
      goal: 0.5,
      met: ratio >= 0.5,
    };
  } finally {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await registryClose?.();
    await dropDatabase(serverUrl, name).catch(() => {});
    await cluster?.stop();
  }
}
