/**
 * npm run bench -- domains
 * The domains figures from one run, in sections (the management side adds its own to SECTIONS):
 * - search: one label across every TLD with 40 ms added at the registry, latency as a ratio to 40 ms;
 * - bulk: 500 pasted names, time to the last answer as a ratio to the same 40 ms;
 * - fulfilment: paid orders fulfilled per second (registry latency 0; one reseller, and many), beside
 *   a bare-PostgreSQL baseline of the ledger's shape (two lock-update-insert transactions per order),
 *   and that baseline with one and with two registry commands between its transactions (the floor an
 *   order's two commands set, decision 147).
 *   BENCH_WORKERS=N runs the engine in N worker processes, as production runs several workers, with
 *   the same BENCH_CONCURRENCY lanes in all as the baseline has connections; the default, 0, runs it
 *   in this process (BENCH_PROFILE_DIR profiles that; FULFILMENT_STEP_TIMES=1 prints a lane's time per
 *   order by step, decision 136).
 * Everything runs for real: services on a throwaway database, the mock registry's EPP server over TLS
 * in its own process (as in production, so the registry's work does not share this event loop).
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { countQueries } from "./_count-queries";
import type { WorkerReport } from "./_fulfil-worker";
import { applyMigrations } from "../scripts/db/migrations";
import { openBenchDatabase } from "./_bench-database";
import type { FaultSpec } from "../src/mock-registry";
import type { Db } from "../src/server/db";
import { baselineRate, pooled } from "./_ledger-baseline";

const LATENCY_MS = 40;
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 60);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
// Worker processes were slower than one process on the 2-core machine (decision 111): 0 unless asked.
const WORKERS = Number(process.env.BENCH_WORKERS ?? 0);
const WARMUP_PER_WORKER = 15;

/** The registry operator's console, over its loopback admin HTTP. */
export type RegistryAdminClient = {
  setFaults(scope: string, spec: FaultSpec): Promise<void>;
  clearFaults(): Promise<void>;
};

/** What every section gets: the database (through the platform's own `db`), the registry, resellers. */
export type BenchEnv = {
  url: string;
  db: Db;
  registry: { port: number; admin: RegistryAdminClient; cpuMs: () => number };
  resellerIds: string[];
};
export type Section = { name: string; run: (env: BenchEnv) => Promise<Record<string, unknown>> };

const TLDS: [string, string, number][] = [
  ["com", "verisign-sim", 1_026],
  ["net", "verisign-sim", 1_180],
  ["org", "pir-sim", 1_130],
  ["io", "icb-sim", 4_500],
  ["co", "co-sim", 2_500],
  ["app", "gr-sim", 1_400],
  ["shop", "gmo-sim", 3_000],
  ["bloom", "newgtld-sim", 2_000],
  ["forge", "newgtld-sim", 2_200],
  ["vista", "newgtld-sim", 1_800],
  ["nova", "newgtld-sim", 2_400],
];

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const r2 = (n: number) => Number(n.toFixed(2));

const pool = (count: number, op: (i: number) => Promise<void>) => pooled(count, CONCURRENCY, op);

async function seed(db: Db, resellers: number): Promise<string[]> {
  const tier = await db.wholesaleTier.create({ data: { name: `bench-${randomUUID().slice(0, 6)}` } });
  for (const [code, operator, cost] of TLDS) {
    const p = await db.product.create({ data: { kind: "domain", code, name: `.${code}`, registryOperator: operator } });
    await db.registryCost.createMany({
      data: (["register", "renew", "transfer", "restore"] as const).map((operation) => ({
        productId: p.id,
        operation,
        amount: cost,
      })),
    });
    await db.wholesalePrice.createMany({
      data: (["register", "renew", "transfer", "restore", "privacy"] as const).map((operation) => ({
        tierId: tier.id,
        productId: p.id,
        operation,
        currency: "USD",
        amount: Math.ceil(cost * 1.2),
      })),
    });
  }
  const { systemContext } = await import("../src/server/context");
  const { openResellerBilling } = await import("../src/server/billing/open-reseller-billing");
  const { postEntry } = await import("../src/server/billing/post-entry");
  const { resellerAccount } = await import("../src/server/billing/accounts");
  const ids: string[] = [];
  for (let i = 0; i < resellers; i++) {
    const r = await db.reseller.create({
      data: {
        slug: `bench-${randomUUID().slice(0, 8)}`,
        legalName: "Bench",
        displayName: "Bench",
        branding: { create: { supportEmail: "b@bench.test" } },
      },
    });
    await db.$transaction((tx) =>
      openResellerBilling(tx, systemContext(), {
        resellerId: r.id,
        tierId: tier.id,
        markupKind: "percent",
        markupValue: 2_500,
        rounding: "cents99",
      }),
    );
    await db.$transaction((tx) =>
      postEntry(tx, {
        key: `bench:fund:${r.id}`,
        kind: "manual_credit",
        resellerId: r.id,
        lines: [
          { account: resellerAccount("reseller_available", r.id, "USD"), amount: 1_000_000_000 },
          { account: resellerAccount("manual_adjustments", r.id, "USD"), amount: -1_000_000_000 },
        ],
      }),
    );
    ids.push(r.id);
  }
  return ids;
}

const search: Section = {
  name: "search",
  async run({ registry, resellerIds }) {
    const { systemContext } = await import("../src/server/context");
    const { searchDomains } = await import("../src/server/domains/search/search-domains");
    await registry.admin.setFaults("*", { latencyMs: LATENCY_MS });
    const ctx = systemContext(resellerIds[0]);
    for (let i = 0; i < 5; i++)
      await searchDomains(ctx, { resellerId: resellerIds[0], query: `warmup-${i}-${randomUUID().slice(0, 6)}` });
    const times: number[] = [];
    let checked = 0;
    for (let i = 0; i < SEARCHES; i++) {
      const started = performance.now();
      const res = await searchDomains(ctx, {
        resellerId: resellerIds[0],
        query: `bench-${i}-${randomUUID().slice(0, 8)}`,
      });
      times.push(performance.now() - started);
      checked = res.results.filter((r) => r.availability !== "unknown").length;
    }
    await registry.admin.clearFaults();
    const p50 = pct(times, 50);
    const p95 = pct(times, 95);
    console.log(
      `search   one label × ${TLDS.length} TLDs, ${LATENCY_MS} ms at the registry: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms → p95/${LATENCY_MS} ms = ${(p95 / LATENCY_MS).toFixed(2)} (goal < 1.5); ${checked}/${TLDS.length} TLDs answered`,
    );
    return {
      searches: SEARCHES,
      tlds: TLDS.length,
      p50Ms: r2(p50),
      p95Ms: r2(p95),
      p95Ratio: r2(p95 / LATENCY_MS),
      goal: 1.5,
    };
  },
};

const bulk: Section = {
  name: "bulk",
  async run({ registry, resellerIds }) {
    const { systemContext } = await import("../src/server/context");
    const { bulkSearch } = await import("../src/server/domains/search/bulk-search");
    await registry.admin.setFaults("*", { latencyMs: LATENCY_MS });
    const ctx = systemContext(resellerIds[0]);
    const runOnce = async (tlds: string[]) => {
      const tag = randomUUID().slice(0, 6);
      const text = Array.from({ length: 500 }, (_, i) => `bulk${tag}-${i}.${tlds[i % tlds.length]}`).join("\n");
      let first = 0;
      const started = performance.now();
      const n = await bulkSearch(ctx, { resellerId: resellerIds[0], text }, () => {
        first ||= performance.now() - started;
      });
      return { ms: performance.now() - started, first, n };
    };
    const measure = async (tlds: string[]) => {
      await runOnce(tlds);
      const runs = [await runOnce(tlds), await runOnce(tlds), await runOnce(tlds)];
      return {
        ms: pct(
          runs.map((r) => r.ms),
          50,
        ),
        first: pct(
          runs.map((r) => r.first),
          50,
        ),
        n: runs[0].n,
      };
    };
    const mixed = await measure(TLDS.map((t) => t[0]));
    // A portfolio check in one registry's TLDs: ten chunks of 50, one per session.
    const single = await measure(["com", "net"]);
    await registry.admin.clearFaults();
    console.log(
      `bulk     500 names over ${TLDS.length} TLDs (7 registries): all answered in ${mixed.ms.toFixed(1)} ms (first batch ${mixed.first.toFixed(1)} ms) → ${(mixed.ms / LATENCY_MS).toFixed(2)} × ${LATENCY_MS} ms (goal < 3)`,
    );
    console.log(
      `bulk     500 names in .com/.net (1 registry): all answered in ${single.ms.toFixed(1)} ms → ${(single.ms / LATENCY_MS).toFixed(2)} × ${LATENCY_MS} ms`,
    );
    return {
      names: mixed.n,
      medianMs: r2(mixed.ms),
      firstBatchMs: r2(mixed.first),
      ratio: r2(mixed.ms / LATENCY_MS),
      oneRegistry: { medianMs: r2(single.ms), ratio: r2(single.ms / LATENCY_MS) },
      goal: 3,
    };
  },
};

async function placePaidOrders(resellerIds: string[], count: number): Promise<string[]> {
  const { systemContext } = await import("../src/server/context");
  const { placeOrder } = await import("../src/server/orders/place-order");
  const tag = randomUUID().slice(0, 6);
  const itemIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const resellerId = resellerIds[i % resellerIds.length];
    const { order } = await placeOrder(systemContext(resellerId), {
      resellerId,
      idempotencyKey: `bench-${tag}-${i}`,
      channel: "console",
      payment: "balance",
      items: [
        {
          kind: "domain_register",
          productCode: "com",
          subject: `ful${tag}-${i}.com`,
          period: 1,
          details: {
            unicodeName: `ful${tag}-${i}.com`,
            nameservers: ["ns1.dns-hosting.example", "ns2.dns-hosting.example"],
            contactId: null,
            privacy: false,
          },
        },
      ],
    });
    itemIds.push(order.items[0].id);
  }
  return itemIds;
}

type Run = {
  rate: number;
  statements: number;
  roundTrips: number;
  cpuMs: number;
  steps?: Record<string, [number, number]>;
};

async function fulfilInThisProcess(itemIds: string[]): Promise<Run> {
  const { runFulfilment } = await import("../src/server/fulfilment/run-fulfilment");
  const { takeStepTimes } = await import("../src/server/fulfilment/step-times");
  takeStepTimes(1);
  const counted = countQueries();
  const profiler = await startProfiler();
  const cpu = process.cpuUsage();
  const rate = await pool(itemIds.length, async (i) => {
    await runFulfilment(itemIds[i]);
  });
  const used = process.cpuUsage(cpu);
  await profiler.stop(`fulfil-${itemIds.length}`);
  return { rate, ...counted.stop(), cpuMs: (used.user + used.system) / 1000, steps: takeStepTimes(itemIds.length) };
}

/**
 * The items split over WORKERS forked processes (bench/_fulfil-worker.ts), CONCURRENCY lanes in all.
 * The clock runs from "go" (every worker loaded and warmed up) to the last worker's "done".
 */
async function fulfilInWorkers(itemIds: string[], warmupIds: string[], registryPort: number): Promise<Run> {
  const lanes = Math.max(1, Math.floor(CONCURRENCY / WORKERS));
  const children = Array.from({ length: WORKERS }, () =>
    fork(path.resolve(__dirname, "_fulfil-worker.ts"), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
  const next = (child: ChildProcess, type: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`fulfilment worker exited (${code})`));
      child.once("exit", onExit);
      child.once("message", (m: Record<string, unknown>) => {
        child.off("exit", onExit);
        if (m.type === type) resolve(m);
        else reject(new Error(`fulfilment worker said ${String(m.type)}, expected ${type}`));
      });
    });
  try {
    const ready = children.map((c) => next(c, "ready"));
    children.forEach((c, w) =>
      c.send({
        type: "start",
        registryPort,
        tlds: Object.fromEntries(TLDS.map(([t, op]) => [t, op])),
        warmup: warmupIds.filter((_, i) => i % WORKERS === w),
        items: itemIds.filter((_, i) => i % WORKERS === w),
        lanes,
      }),
    );
    await Promise.all(ready);
    const done = children.map((c) => next(c, "done") as Promise<WorkerReport>);
    const started = performance.now();
    children.forEach((c) => c.send({ type: "go" }));
    const reports = await Promise.all(done);
    const missed = reports.filter((r) => Object.keys(r.notCompleted).length).map((r) => r.notCompleted);
    if (missed.length) throw new Error(`fulfilment workers did not complete every item: ${JSON.stringify(missed)}`);
    const seconds = (performance.now() - started) / 1000;
    const sum = (k: "statements" | "roundTrips" | "cpuMs") => reports.reduce((s, r) => s + r[k], 0);
    return {
      rate: itemIds.length / seconds,
      statements: sum("statements"),
      roundTrips: sum("roundTrips"),
      cpuMs: sum("cpuMs"),
    };
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  }
}

async function fulfilmentRate(db: Db, resellerIds: string[], count: number, registry: BenchEnv["registry"]) {
  const registryPort = registry.port;
  const itemIds = await placePaidOrders(resellerIds, count);
  const warmupIds = WORKERS > 0 ? await placePaidOrders(resellerIds, WORKERS * WARMUP_PER_WORKER) : [];
  const registryCpu = registry.cpuMs();
  const run =
    WORKERS > 0 ? await fulfilInWorkers(itemIds, warmupIds, registryPort) : await fulfilInThisProcess(itemIds);
  const registryCpuMs = registry.cpuMs() - registryCpu;
  const done = await db.orderItem.count({ where: { id: { in: itemIds }, state: "completed" } });
  if (done !== count) throw new Error(`only ${done} of ${count} orders completed`);
  return {
    rate: run.rate,
    statementsPerOrder: run.statements / count,
    roundTripsPerOrder: run.roundTrips / count,
    cpuMsPerOrder: run.cpuMs / count,
    registryCpuMsPerOrder: registryCpuMs / count,
    steps: run.steps,
  };
}

/** BENCH_PROFILE_DIR: a CPU profile of the fulfilment phase alone (not the orders' placing), one file per run. */
async function startProfiler() {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return { stop: async (_name: string) => {} };
  const { Session } = await import("node:inspector/promises");
  const { writeFileSync } = await import("node:fs");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    stop: async (name: string) => {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(path.join(dir, `${name}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

async function baselineRateAt(
  url: string,
  rows: number,
  count: number,
  between?: (i: number) => Promise<void>,
): Promise<number> {
  const pgPool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  try {
    return await baselineRate(pgPool, rows, count, CONCURRENCY, between);
  } finally {
    await pgPool.end();
  }
}

function floorFigures(fl: { one: number; many: number }, baseOne: number, baseMany: number) {
  return {
    oneReseller: { opsPerSec: Math.round(fl.one), ratio: Number((fl.one / baseOne).toFixed(3)) },
    manyResellers: { opsPerSec: Math.round(fl.many), ratio: Number((fl.many / baseMany).toFixed(3)) },
  };
}

const fulfilment: Section = {
  name: "fulfilment",
  async run({ url, db, registry, resellerIds }) {
    const { verifyLedger } = await import("../src/server/billing/verify-ledger");
    await registry.admin.clearFaults();
    // The registrar may hold 10 sessions; this process keeps its own open after search and bulk, so the
    // workers' sessions (one per lane) come on top of them rather than being refused with 2502.
    if (WORKERS > 0) await registry.admin.setFaults("*", { sessionLimit: 10 + CONCURRENCY });
    // Warms this process when it runs the engine itself; worker processes warm up on items of their own.
    if (WORKERS === 0) await fulfilmentRate(db, resellerIds.slice(0, 1), 30, registry);
    const oneRun = await fulfilmentRate(db, resellerIds.slice(0, 1), ORDERS, registry);
    const manyRun = await fulfilmentRate(db, resellerIds, ORDERS, registry);
    await registry.admin.clearFaults();
    const one = oneRun.rate;
    const many = manyRun.rate;
    const baseOne = await baselineRateAt(url, 1, ORDERS * 2);
    const baseMany = await baselineRateAt(url, resellerIds.length, ORDERS * 2);
    // The floor under any fulfilment: the same baseline with registry commands (checks, through the
    // engine's own sessions to the registry's process) between its two transactions. An order sends
    // two (its hosts, then the create), so the two-command floor is the ratio's ceiling (decision 147).
    const { getRegistry } = await import("../src/server/registry/access");
    const router = await getRegistry();
    const commands = (n: number) => async (i: number) => {
      for (let c = 0; c < n; c++) {
        const name = `floor-${i}-${c}-${randomUUID().slice(0, 8)}.com`;
        await router.forDomain(name).checkDomains({ names: [name] });
      }
    };
    const floor = async (n: number) => ({
      one: await baselineRateAt(url, 1, ORDERS * 2, commands(n)),
      many: await baselineRateAt(url, resellerIds.length, ORDERS * 2, commands(n)),
    });
    const floor1 = await floor(1);
    const floor2 = await floor(2);
    const ledger = await verifyLedger(db);
    const f = (n: number) => n.toFixed(0).padStart(5);
    console.log(
      `fulfil   one reseller  ${f(one)} orders/s   bare-PG ledger baseline ${f(baseOne)} ops/s   ratio ${(one / baseOne).toFixed(3)}`,
    );
    console.log(
      `fulfil   ${resellerIds.length} resellers  ${f(many)} orders/s   bare-PG ledger baseline ${f(baseMany)} ops/s   ratio ${(many / baseMany).toFixed(3)}`,
    );
    for (const [n, fl] of [[1, floor1] as const, [2, floor2] as const])
      console.log(
        `fulfil   floor: the baseline with ${n} registry command${n > 1 ? "s" : ""} between its transactions: one reseller ${f(fl.one)} ops/s (${(fl.one / baseOne).toFixed(3)}), ${resellerIds.length} resellers ${f(fl.many)} ops/s (${(fl.many / baseMany).toFixed(3)})`,
      );
    console.log(
      `fulfil   per order: ${manyRun.statementsPerOrder.toFixed(1)} SQL statements, ${manyRun.roundTripsPerOrder.toFixed(1)} round trips, ${manyRun.cpuMsPerOrder.toFixed(1)} ms of the engine's CPU (all its processes), ${manyRun.registryCpuMsPerOrder.toFixed(1)} ms of the mock registry's`,
    );
    if (oneRun.steps) console.log(`fulfil   ms per order by step, one reseller: ${JSON.stringify(oneRun.steps)}`);
    if (manyRun.steps)
      console.log(`fulfil   ms per order by step, ${resellerIds.length} resellers: ${JSON.stringify(manyRun.steps)}`);
    console.log(`fulfil   ledger verify after the run: ${ledger.ok ? "clean" : `${ledger.faults.length} faults`}`);
    return {
      orders: ORDERS,
      concurrency: CONCURRENCY,
      workers: WORKERS,
      oneReseller: {
        ordersPerSec: Math.round(one),
        baselineOpsPerSec: Math.round(baseOne),
        ratio: Number((one / baseOne).toFixed(3)),
      },
      manyResellers: {
        resellers: resellerIds.length,
        ordersPerSec: Math.round(many),
        baselineOpsPerSec: Math.round(baseMany),
        ratio: Number((many / baseMany).toFixed(3)),
      },
      registryFloor: {
        oneCommand: floorFigures(floor1, baseOne, baseMany),
        twoCommands: floorFigures(floor2, baseOne, baseMany),
      },
      perOrder: {
        statements: r2(manyRun.statementsPerOrder),
        roundTrips: r2(manyRun.roundTripsPerOrder),
        cpuMs: r2(manyRun.cpuMsPerOrder),
        registryCpuMs: r2(manyRun.registryCpuMsPerOrder),
      },
      ledgerClean: ledger.ok,
    };
  },
};

/** The management side's figures (bench/domains-lists.ts): list page and lifecycle sweep at 200,000 domains. */
let seeded: Awaited<ReturnType<typeof import("./domains-lists").seedDomains>> | undefined;

const listPage: Section = {
  name: "listPage",
  async run() {
    const { seedDomains, benchDomainList } = await import("./domains-lists");
    const t = performance.now();
    seeded ??= await seedDomains();
    console.log(`lists    seeded the domains in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return benchDomainList(seeded);
  },
};

const sweep: Section = {
  name: "sweep",
  async run() {
    const { benchLifecycleSweep } = await import("./domains-lists");
    return benchLifecycleSweep();
  },
};

export const SECTIONS: Section[] = [search, bulk, fulfilment, listPage, sweep];

type RegistryProcess = BenchEnv["registry"] & { stop: () => Promise<void> };

/** CPU a child process used so far (user and system; Linux /proc, 0 elsewhere): the registry's share of the machine. */
function processCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** `npm run registry` in a child process on free ports, with its state in a temporary directory. */
async function startRegistryProcess(): Promise<RegistryProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-registry-"));
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.resolve(__dirname, "../src/mock-registry/main.ts")],
    {
      // BENCH_REGISTRY_PORT (and MOCK_REGISTRY_ADMIN_PORT) pin the ports on a shared machine; any free one otherwise.
      env: {
        ...process.env,
        MOCK_REGISTRY_PORT: process.env.BENCH_REGISTRY_PORT ?? "0",
        MOCK_REGISTRY_DATA_DIR: dataDir,
        // Room for this process's sessions (up to 10 per registry, after search and bulk) and the workers'.
        MOCK_REGISTRY_MAX_CONNECTIONS: process.env.MOCK_REGISTRY_MAX_CONNECTIONS ?? "160",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const { port, adminPort } = await new Promise<{ port: number; adminPort: number }>((resolve, reject) => {
    let out = "";
    child.on("exit", (code) => reject(new Error(`mock registry exited (${code})`)));
    child.stdout?.on("data", (b: Buffer) => {
      out += b.toString();
      const epp = /:(\d+) \(EPP over TLS/.exec(out);
      const admin = /admin console http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (epp && admin) resolve({ port: Number(epp[1]), adminPort: Number(admin[1]) });
    });
  });
  const call = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${adminPort}${p}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { "content-type": "application/json" },
    });
    if (!res.ok) throw new Error(`registry admin ${method} ${p}: ${res.status}`);
  };
  return {
    port,
    cpuMs: () => processCpuMs(child.pid),
    admin: {
      setFaults: (scope, spec) => call("PUT", `/faults/${encodeURIComponent(scope)}`, spec),
      clearFaults: () => call("DELETE", "/faults"),
    },
    stop: async () => {
      child.removeAllListeners("exit");
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export default async function domainsBench(): Promise<Record<string, unknown>> {
  const database = await openBenchDatabase("domains");
  const url = database.url;
  // The services use the process's own `db`, read from DATABASE_URL on first use.
  process.env.DATABASE_URL = url;
  const { buildRegistryRouter, setRegistryForTests } = await import("../src/server/registry/access");
  const { db } = await import("../src/server/db");
  const registry = await startRegistryProcess();
  const router = buildRegistryRouter(
    {
      adapter: "epp",
      host: "127.0.0.1",
      port: registry.port,
      tlsInsecure: true,
      clientId: "platform",
      password: "platform-dev-pass",
      poolSize: 10,
      commandTimeoutMs: 10_000,
    },
    Object.fromEntries(TLDS.map(([t, op]) => [t, op])),
  );
  setRegistryForTests(router.router, "platform");
  const figures: Record<string, unknown> = {};
  try {
    await applyMigrations(url);
    const resellerIds = await seed(db, 20);
    console.log(
      `domains bench: mock EPP registry (own process) over TLS on port ${registry.port}, ${CONCURRENCY} concurrent, pool 10 sessions, engine in ${WORKERS ? `${WORKERS} worker processes` : "this process"}`,
    );
    // BENCH_SECTIONS=fulfilment,search runs only those (the lists sections seed 200,000 names first).
    const only = process.env.BENCH_SECTIONS?.split(",").map((x) => x.trim());
    for (const s of SECTIONS)
      if (!only || only.includes(s.name)) figures[s.name] = await s.run({ url, db, registry, resellerIds });
    return figures;
  } finally {
    setRegistryForTests(null);
    await router.close();
    await registry.stop();
    await db.$disconnect();
    await database.close();
  }
}
