/**
 * npm run bench -- api
 * One domain check through the reseller API over HTTP (GET /api/v1/domains/check: key lookup, rate
 * limit, the route's zod parsing, the service, JSON) against the same service the route calls
 * (bulkSearch with one name) called in this process: requests per second as a ratio (goal >= 0.5).
 * Each request asks about a name not asked before, so both sides reach the registry (a mock's command
 * layer through the in-process adapter) rather than the check cache.
 *
 * What is compared. The HTTP side is a forked process of its own (bench/_api-server.ts), as a
 * deployment serves the API from its own processes: a node:http server calling handleApiCall (the
 * plain entry the Next route's adapter also hands every /api/v1 request to, decision 140), not a
 * Next production build (so Next's own routing and proxy are not in the figure). Its mock registry
 * lives in that process, as the in-process side's lives in this one. The client is this process
 * with a keep-alive agent of its own (one socket per concurrent client). So the ratio compares the
 * service in one process with the same service behind the API layer, HTTP on loopback and a second
 * process; on the 2-core machine both processes and PostgreSQL share the same two cores, which a
 * deployment would not. "Handler, no HTTP" is handleApiCall called in this process: the API layer
 * without the transport. The key's rate limit is raised for the run (the default 120 a minute would
 * refuse the load); the key row and the limiter live in the serving process as in production
 * (decision 108). Same database, BENCH_WARMUP checks on every side first (default 2000),
 * interleaved rounds, best round kept. Measured at 1 and at 8 concurrent clients
 * (BENCH_CONCURRENCY, a list), each with its own ratio: a lone client shows what the API layer adds
 * to one check; eight show how it shares rounds to PostgreSQL and copes with the machine's load,
 * where the in-process side batches for free (decision 126). BENCH_PROFILE_DIR: a CPU profile of
 * the API process over the measured HTTP rounds.
 *
 * The transport's floor is measured beside it, by the same client against the same server process:
 * an answer with no API layer behind it, and one after a single `select 1` (a check's freshness
 * barrier is one round trip to PostgreSQL, which the in-process side pays too). Its ratio to the
 * in-process side is what any API over HTTP could reach on this machine (decision 146).
 */
import { fork, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { applyMigrations } from "../scripts/db/migrations";
import type { ApiServerFigures } from "./_api-server";
import { countQueries } from "./_count-queries";
import { TRANSPORT_PATHS } from "./_api-transport";
import { openBenchDatabase } from "./_bench-database";

const PORT = Number(process.env.BENCH_HTTP_PORT ?? 6150);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
/** Concurrent clients, each measured on its own: "1,8" gives the ratio of a lone client and of eight. */
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? "1,8")
  .split(",")
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/**
 * Checks each side runs before anything is measured. The two processes compile the same code apart:
 * a few hundred checks leave the API process's copy of the service half-optimised while this
 * process's copy (run by the in-process side and the handler alike) is not (decision 140).
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2000);

const r2 = (n: number) => Number(n.toFixed(2));
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

async function pooled(count: number, lanes: number, op: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < count) await op(next++);
    }),
  );
}

/** The next message of the API process, which must be of `type`; its exit before that is an error. */
function nextMessage(child: ChildProcess, type: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`API process exited (${code})`));
    child.once("exit", onExit);
    child.once("message", (m: Record<string, unknown>) => {
      child.off("exit", onExit);
      if (m.type === type) resolve(m);
      else reject(new Error(`API process said ${String(m.type)}, expected ${type}`));
    });
  });
}

async function startApiProcess(port: number, tlds: Record<string, string>, rateLimit: number): Promise<ChildProcess> {
  const child = fork(path.resolve(__dirname, "_api-server.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = nextMessage(child, "ready");
  child.send({ type: "start", port, tlds, rateLimit });
  await ready;
  return child;
}

function nextMessageAfter(child: ChildProcess, message: unknown, type: string): Promise<Record<string, unknown>> {
  const answer = nextMessage(child, type);
  child.send(message as object);
  return answer;
}

/** Per check: round trips to PostgreSQL and CPU milliseconds of the process that served it (load-independent). */
type Run = { rps: number; p50: number; p95: number; roundTrips: number; cpuMs: number };

type Meter = { start(): Promise<void>; stop(): Promise<{ roundTrips: number; cpuMs: number }> };

/** Counts this process's round trips and CPU (the in-process sides; the HTTP client is not the server). */
function meterHere(): Meter {
  let counted: ReturnType<typeof countQueries> | null = null;
  let cpu = process.cpuUsage();
  return {
    start: async () => {
      counted = countQueries();
      cpu = process.cpuUsage();
    },
    stop: async () => {
      const used = process.cpuUsage(cpu);
      return { roundTrips: counted?.stop().roundTrips ?? 0, cpuMs: (used.user + used.system) / 1000 };
    },
  };
}

async function measure(op: (i: number) => Promise<void>, offset: number, meter: Meter, lanes: number): Promise<Run> {
  const lat: number[] = [];
  await meter.start();
  const t0 = performance.now();
  await pooled(REQUESTS, lanes, async (i) => {
    const s = performance.now();
    await op(offset + i);
    lat.push(performance.now() - s);
  });
  const seconds = (performance.now() - t0) / 1000;
  const { roundTrips, cpuMs } = await meter.stop();
  return {
    rps: r2(REQUESTS / seconds),
    p50: r2(pct(lat, 50)),
    p95: r2(pct(lat, 95)),
    roundTrips: r2(roundTrips / REQUESTS),
    cpuMs: r2(cpuMs / REQUESTS),
  };
}

export default async function apiBench(): Promise<Record<string, unknown>> {
  const database = await openBenchDatabase("api");
  const url = database.url;
  process.env.DATABASE_URL = url;
  let child: ChildProcess | null = null;
  let registryClose: (() => Promise<void>) | null = null;
  try {
    await applyMigrations(url);
    const f = await import("../tests/support/factories");
    const { handleApiCall } = await import("../src/server/api/handle-api-call");
    const { bulkSearch } = await import("../src/server/domains/search/bulk-search");
    const { createApiKey } = await import("../src/server/api-keys/create-api-key");
    const { db } = await import("../src/server/db");
    const { apiKeyListenerReady, stopApiKeyListener } = await import("../src/server/api-keys/key-cache");
    const { cacheListenerReady, stopCacheListener } = await import("../src/server/cache/listen");

    await f.createDomainCatalog();
    const reseller = await f.createDomainReseller({ wholesale: 1_500, balance: 100_000 });
    const { ctx } = await f.createStaff(reseller.id, "owner");
    const registry = f.startInProcessRegistry({ commandTimeoutMs: 5_000 });
    registryClose = registry.close;
    const { key } = await createApiKey(ctx, reseller.id, { name: "bench", mode: "live", scopes: ["read"] });

    // Listeners up before measuring, as in a process that has been running (see _api-server.ts).
    await Promise.all([apiKeyListenerReady(), cacheListenerReady()]);
    const origin = `http://127.0.0.1:${PORT}`;
    const rate = { limit: 1_000_000, windowSeconds: 60 };
    const products = await db.product.findMany({
      where: { kind: "domain" },
      select: { code: true, registryOperator: true },
    });
    const tlds = Object.fromEntries(products.map((p) => [p.code, p.registryOperator ?? p.code]));
    child = await startApiProcess(PORT, tlds, rate.limit);
    const api = child;
    const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(...CONCURRENCIES) });

    const httpGet = (target: string, headers: Record<string, string>) =>
      new Promise<void>((resolve, reject) => {
        const req = http.get(`${origin}${target}`, { agent, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            if (res.statusCode !== 200) reject(new Error(`${res.statusCode}: ${Buffer.concat(chunks).toString()}`));
            else resolve();
          });
        });
        req.on("error", reject);
      });
    const viaApi = (i: number) =>
      httpGet(`/api/v1/domains/check?name=bench-api-${i}.com`, { authorization: `Bearer ${key}` });
    // The transport's floor: the same client and server with nothing behind, or one database round trip.
    const transport = () => httpGet(TRANSPORT_PATHS.bare, {});
    const transportDb = () => httpGet(TRANSPORT_PATHS.database, {});
    // The handler without HTTP: splits the API layer's cost from the transport's.
    const noBody = () => Promise.resolve("");
    const handlerOnly = async (i: number) => {
      const answer = await handleApiCall(
        {
          method: "GET",
          target: `/api/v1/domains/check?name=bench-handler-${i}.com`,
          headers: { authorization: `Bearer ${key}` },
          readBody: noBody,
        },
        "127.0.0.1",
        { rate },
      );
      if (answer.status !== 200) throw new Error(`${answer.status}: ${answer.body}`);
    };
    const inProcess = async (i: number) => {
      const rows: unknown[] = [];
      await bulkSearch(ctx, { resellerId: reseller.id, text: `bench-svc-${i}.com` }, (b) => rows.push(...b));
      if (rows.length !== 1) throw new Error("no answer");
    };

    const here = meterHere();
    const profileDir = process.env.BENCH_PROFILE_DIR ?? null;
    let round = 0;
    // The API process counts what it serves, so its figures are the server's, not the client's.
    const there: Meter = {
      start: async () =>
        void (await nextMessageAfter(api, { type: "measure", profileDir, name: `api-${round++}` }, "measuring")),
      stop: async () => (await nextMessageAfter(api, { type: "measure-stop" }, "measured")) as ApiServerFigures,
    };
    // Warm every path (module loading, the registry's sessions, the price context, the JIT), each alike.
    const lanes0 = Math.max(...CONCURRENCIES);
    for (const op of [viaApi, inProcess, handlerOnly]) await pooled(WARMUP, lanes0, (i) => op(900_000 + i));
    for (const op of [transport, transportDb]) await pooled(WARMUP / 4, lanes0, op);
    const best = (runs: Run[]) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));
    const line = (label: string, r: Run) =>
      console.log(
        `  ${label.padEnd(26)} ${r.rps} checks/s  p50 ${r.p50} ms  p95 ${r.p95} ms  per check: ${r.roundTrips} round trips, ${r.cpuMs} CPU ms`,
      );
    console.log(
      `api bench: ${REQUESTS} checks × ${ROUNDS} rounds at each of ${CONCURRENCIES.join(" and ")} concurrent clients; HTTP to a forked process serving handleApiCall on node:http (not a Next build)`,
    );
    const byConcurrency: Record<string, Record<string, number | boolean>> = {};
    // Each concurrency takes names of its own, so no side is answered from the check cache.
    let offset = 0;
    for (const lanes of CONCURRENCIES) {
      const overHttp: Run[] = [];
      const svc: Run[] = [];
      const bare: Run[] = [];
      const floor: Run[] = [];
      const floorDb: Run[] = [];
      for (let r = 0; r < ROUNDS; r++, offset += REQUESTS) {
        svc.push(await measure(inProcess, offset, here, lanes));
        bare.push(await measure(handlerOnly, offset, here, lanes));
        overHttp.push(await measure(viaApi, offset, there, lanes));
        floor.push(await measure(transport, offset, there, lanes));
        floorDb.push(await measure(transportDb, offset, there, lanes));
      }
      const a = best(overHttp);
      const s = best(svc);
      const h = best(bare);
      const t = best(floor);
      const td = best(floorDb);
      const ratio = r2(a.rps / s.rps);
      const floorRatio = r2(td.rps / s.rps);
      console.log(`  ${lanes} concurrent:`);
      line("in process (bulkSearch):", s);
      line("handler, no HTTP:", h);
      line("API over HTTP (server):", a);
      line("transport alone:", t);
      line("transport + 1 db trip:", td);
      console.log(
        `  ratio at ${lanes} concurrent: ${ratio}x (goal >= 0.5); an answer with no API layer but one database round trip: ${floorRatio}x`,
      );
      byConcurrency[String(lanes)] = {
        ratio,
        met: ratio >= 0.5,
        inProcessRps: s.rps,
        handlerRps: h.rps,
        apiRps: a.rps,
        inProcessP50Ms: s.p50,
        apiP50Ms: a.p50,
        inProcessRoundTrips: s.roundTrips,
        apiRoundTrips: a.roundTrips,
        inProcessCpuMs: s.cpuMs,
        apiCpuMs: a.cpuMs,
        cpuRatio: r2(s.cpuMs / a.cpuMs),
        transportRps: t.rps,
        transportCpuMs: t.cpuMs,
        transportDbRps: td.rps,
        transportDbCpuMs: td.cpuMs,
        transportDbRatio: floorRatio,
      };
    }
    agent.destroy();
    await stopApiKeyListener();
    await stopCacheListener();
    console.log(
      `  ratios: ${CONCURRENCIES.map((c) => `${c} concurrent ${byConcurrency[String(c)]?.ratio}x`).join(", ")}`,
    );
    await db.$disconnect();
    return {
      server: "forked process: node:http + handleApiCall",
      requests: REQUESTS,
      rounds: ROUNDS,
      warmup: WARMUP,
      concurrency: CONCURRENCIES,
      ratios: Object.fromEntries(CONCURRENCIES.map((c) => [String(c), byConcurrency[String(c)]?.ratio])),
      byConcurrency,
      goal: 0.5,
      met: CONCURRENCIES.every((c) => byConcurrency[String(c)]?.met),
    };
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child?.once("exit", () => resolve()));
      child.send({ type: "stop" });
      await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref())]);
      if (child.exitCode === null) child.kill("SIGTERM");
    }
    await registryClose?.();
    await database.close();
  }
}
