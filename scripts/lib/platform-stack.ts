/**
 * Brings up everything the app needs beside Next.js: the database (embedded unless DATABASE_URL is
 * set) with migrations applied and the seed loaded on first start, the mock EPP registry, the
 * commercial-CA stand-in (when SSL_CA_ADAPTER=standin) and the job worker. Used by `npm run dev`,
 * `npm start` and the browser-test server.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "../../src/env";
import { createDb } from "../../src/server/db";
import { assertSafeForProduction } from "../../src/server/production-check";
import { applyMigrations, root } from "../db/migrations";
import { resolveDatabase } from "../db/resolve";

export type Stack = { databaseUrl: string; registryPort: number | null; stop: () => Promise<void> };

export function loadDotEnv() {
  const file = path.join(root, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

async function isSeeded(url: string): Promise<boolean> {
  const db = createDb(url);
  try {
    return (await db.registrar.count()) > 0;
  } finally {
    await db.$disconnect();
  }
}

export async function startStack(opts: {
  worker: boolean;
  registry: boolean;
  log?: (line: string) => void;
}): Promise<Stack> {
  const log = opts.log ?? ((l: string) => console.log(l));
  // Before the database, the registry or the worker start: production refuses development defaults.
  const e = parseEnv(process.env);
  assertSafeForProduction(e, { startsMockRegistry: opts.registry });
  // Clients verify the mock's self-signed certificate (made when it starts) instead of turning TLS
  // checks off. Set before anything reads the env: the seed caches it.
  if (opts.registry && !e.REGISTRY_EPP_CA_FILE && ["127.0.0.1", "::1", "localhost"].includes(e.REGISTRY_EPP_HOST))
    process.env.REGISTRY_EPP_CA_FILE = path.resolve(
      process.env.MOCK_REGISTRY_DATA_DIR ?? ".data/registry",
      "tls",
      "cert.pem",
    );
  const { url, cluster } = await resolveDatabase();
  process.env.DATABASE_URL = url;
  log(
    cluster
      ? `database: embedded PostgreSQL (${cluster.startedHere ? "started" : "already running"}) ${url}`
      : "database: DATABASE_URL",
  );
  const applied = await applyMigrations(url);
  if (applied.length) log(`database: applied ${applied.join(", ")}`);
  if (!(await isSeeded(url))) {
    // Demo accounts share a published password: only in development or when asked (SEED_DEMO=1).
    if (e.NODE_ENV !== "production" || e.SEED_DEMO) {
      const { runSeed } = await import("../../prisma/seed");
      await runSeed(url);
      log("database: seeded demo data");
    } else log("database: empty; the demo seed runs only in development or with SEED_DEMO=1");
  }

  const stops: (() => Promise<void>)[] = [];
  let registryPort: number | null = null;
  if (opts.registry) {
    const { startMockRegistry } = await import("../../src/mock-registry/index");
    const registry = await startMockRegistry({});
    registryPort = registry.port;
    stops.push(() => registry.close());
    log(`registry: mock EPP registry on port ${registry.port} (TLS)`);
    // The API sandbox's registry (decision 100): a second mock with its own state, which Next and
    // the worker both reach, so test keys never touch the live one.
    // EPP port + 1 is the live mock's admin page, so the sandbox takes + 2 (its own admin page + 3).
    const sandboxPort = Number(process.env.SANDBOX_REGISTRY_EPP_PORT || registry.port + 2);
    const sandboxDir = `${process.env.MOCK_REGISTRY_DATA_DIR || ".data/registry"}-sandbox`;
    // A sandbox purges deleted names at once, so a reset sandbox can register them again (decision 126).
    const sandbox = await startMockRegistry({ port: sandboxPort, dataDir: sandboxDir, purgeOnDelete: true });
    process.env.SANDBOX_REGISTRY_EPP_PORT = String(sandbox.port);
    stops.push(() => sandbox.close());
    log(`registry: sandbox mock EPP registry on port ${sandbox.port} (TLS)`);
  }
  if (e.SSL_CA_ADAPTER === "standin" && e.START_CA_STANDIN) {
    const ca = await startCaStandInInProcess(e.SSL_CA_STANDIN_URL, e.CA_STANDIN_DATA_DIR, e.SSL_CA_STANDIN_API_KEY);
    stops.push(() => ca.close());
    log(`certificates: CA stand-in on ${ca.url} (DNS DCV reads the platform's DNS port)`);
  }
  if (e.TMCH_ADAPTER === "standin" && e.START_TMCH_STANDIN) {
    // The TMCH stand-in in this process (decision 098); Next and the worker reach it at TMCH_URL.
    const { startTmchStandIn } = await import("../../src/tmch-standin/index");
    const tmch = await startTmchStandIn({
      port: e.TMCH_STANDIN_PORT,
      stateDir: path.resolve(e.TMCH_STANDIN_DATA_DIR),
      apiKey: e.TMCH_API_KEY,
    });
    process.env.TMCH_URL = tmch.url;
    stops.push(() => tmch.close());
    log(`trademarks: TMCH stand-in on ${tmch.url}`);
  }
  if (opts.worker) {
    const { startWorker } = await import("../../src/worker");
    const worker = await startWorker(url);
    stops.push(() => worker.stop());
    log("worker: running");
  }
  return {
    databaseUrl: url,
    registryPort,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => {});
      await cluster?.stop();
    },
  };
}

/**
 * The CA stand-in in this process, on the port of the URL the platform calls it at. Its DNS DCV
 * checks ask the platform's own DNS port, so a record the platform publishes (or a person enters on
 * the Local DNS page) is what it sees: nothing from apt is needed.
 */
export async function startCaStandInInProcess(url: string, dataDir: string, apiKey: string | undefined) {
  const { startCaStandIn } = await import("../../src/ca-standin/index");
  const { dnsResolver } = await import("../../src/server/dns/dns-resolver");
  const u = new URL(url);
  const resolver = dnsResolver();
  return startCaStandIn({
    host: u.hostname,
    port: Number(u.port || 80),
    stateDir: path.resolve(dataDir),
    resolver: { lookupTxt: (name) => resolver.lookupTxt(name) },
    apiKey,
    publicUrl: url.replace(/\/$/, ""),
  });
}

/** Runs `next <args>` beside the stack and stops everything together (Ctrl-C, SIGTERM, or Next exiting). */
export function runNextWithStack(stack: Stack, nextBin: string, args: string[], env: Record<string, string> = {}) {
  // The preload appends the socket's address to X-Forwarded-For, so sign-in limits count real peers.
  const preload = `--import ${JSON.stringify(path.join(root, "scripts", "lib", "peer-address.mjs"))}`;
  const nodeOptions = [process.env.NODE_OPTIONS, env.NODE_OPTIONS, preload].filter(Boolean).join(" ");
  const next = spawn(process.execPath, [nextBin, ...args], {
    stdio: "inherit",
    env: { ...process.env, ...env, NODE_OPTIONS: nodeOptions, DATABASE_URL: stack.databaseUrl },
  });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    next.kill("SIGTERM");
    await stack.stop();
    process.exit(code);
  };
  next.on("exit", (code) => void shutdown(code ?? 0));
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
}
