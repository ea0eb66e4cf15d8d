/**
 * The API server of `npm run bench -- api` (forked by it, never run alone): as in a deployment, the
 * reseller API is served by a process of its own, so its HTTP server does not share an event loop
 * with the client measuring it. A node:http server with the API's node listener (handleApiCall, the
 * plain entry the Next route's adapter also hands every /api/v1 request to), with a mock registry in
 * this process's memory through the in-process adapter, as the parent's in-process side has in its
 * own. It also answers TRANSPORT_PATHS with no API layer behind them (the transport's floor). It loads, says "ready",
 * and serves until told to stop; "measure" and "measure-stop" bracket what it counts of the requests
 * it serves (round trips to PostgreSQL, CPU time) and, when asked, a CPU profile of them.
 */
import "../src/server-only-outside-next"; // first: lets this process load server modules outside Next
import { createServer, type ServerResponse } from "node:http";
import path from "node:path";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { z } from "zod";
import { countQueries } from "./_count-queries";
import { TRANSPORT_PATHS } from "./_api-transport";

const start = z.object({
  type: z.literal("start"),
  port: z.number().int(),
  tlds: z.record(z.string(), z.string()),
  rateLimit: z.number().int().positive(),
});
const later = z.discriminatedUnion("type", [
  /** Counting starts: round trips to PostgreSQL, CPU time, and a CPU profile when `profileDir` is set. */
  z.object({ type: z.literal("measure"), profileDir: z.string().nullable(), name: z.string() }),
  z.object({ type: z.literal("measure-stop") }),
  z.object({ type: z.literal("stop") }),
]);

// About the size of a check's answer.
const TRANSPORT_BODY = JSON.stringify({ name: "bench-api-000000.com", available: true, price: { amount: 1500 } });

export type ApiServerFigures = { type: "measured"; roundTrips: number; cpuMs: number };

const send = (m: unknown) => process.send?.(m);

async function main(): Promise<void> {
  const job = start.parse(await new Promise<unknown>((resolve) => process.once("message", resolve)));
  const { buildRegistryRouter, setRegistryForTests } = await import("../src/server/registry/access");
  const { apiNodeListener } = await import("../src/server/api/node-api-listener");
  const { apiKeyListenerReady, stopApiKeyListener } = await import("../src/server/api-keys/key-cache");
  const { cacheListenerReady, ensureCacheListener, stopCacheListener } = await import("../src/server/cache/listen");
  const { db } = await import("../src/server/db");
  const registry = buildRegistryRouter(
    { adapter: "inprocess", clientId: "platform", password: "platform-dev-pass", commandTimeoutMs: 5_000 },
    job.tlds,
  );
  setRegistryForTests(registry.router, "platform");
  // Both listeners up before serving, as in a server that has been running: until the storefront
  // cache's is, every check loads the reseller's whole search context for itself.
  ensureCacheListener();
  await Promise.all([apiKeyListenerReady(), cacheListenerReady()]);

  const rate = { limit: job.rateLimit, windowSeconds: 60 };
  const api = apiNodeListener(() => "127.0.0.1", { rate });
  const { sqlPool } = await import("../src/server/db");
  const answer = (res: ServerResponse) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(TRANSPORT_BODY);
  };
  // The transport's floor beside the API: the same server and client with no API layer behind them,
  // answering at once or after one round trip to PostgreSQL (as a check's freshness barrier makes).
  const server = createServer((req, res) => {
    if (req.url === TRANSPORT_PATHS.bare) return answer(res);
    if (req.url === TRANSPORT_PATHS.database)
      return void sqlPool()
        .query("select 1")
        .then(() => answer(res));
    api(req, res);
  });
  // Longer than the client's pauses between rounds, so its keep-alive sockets are not closed under it.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(job.port, "127.0.0.1", resolve));

  const session = new Session();
  let counting: { counted: ReturnType<typeof countQueries>; cpu: NodeJS.CpuUsage; profile: string | null } | null =
    null;
  process.on("message", (raw: unknown) => {
    const m = later.parse(raw);
    void (async () => {
      if (m.type === "measure") {
        const profile = m.profileDir ? path.join(m.profileDir, `${m.name}-${Date.now()}.cpuprofile`) : null;
        if (profile) {
          session.connect();
          await session.post("Profiler.enable");
          await session.post("Profiler.start");
        }
        counting = { counted: countQueries(), cpu: process.cpuUsage(), profile };
        send({ type: "measuring" });
      } else if (m.type === "measure-stop" && counting) {
        const used = process.cpuUsage(counting.cpu);
        const { roundTrips } = counting.counted.stop();
        if (counting.profile) {
          const { profile } = await session.post("Profiler.stop");
          writeFileSync(counting.profile, JSON.stringify(profile));
          session.disconnect();
        }
        counting = null;
        const figures: ApiServerFigures = { type: "measured", roundTrips, cpuMs: (used.user + used.system) / 1000 };
        send(figures);
      } else if (m.type === "stop") {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        setRegistryForTests(null);
        await registry.close();
        await stopApiKeyListener();
        await stopCacheListener();
        await db.$disconnect();
        process.disconnect?.();
      }
    })();
  });
  send({ type: "ready" });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
