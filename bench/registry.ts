/**
 * Registry port throughput and latency: the same command mix through the EPP adapter (TLS to the
 * mock registry running in its own process, as in development) and through the in-process adapter.
 * Both registries persist to a temporary data directory, so both pay for durability.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MockRegistry } from "@/mock-registry";
import { createRegistryPort, type RegistryPort } from "@/server/registry";

const ITERATIONS = 1000;
const WARMUP = 1000;
/** The platform's default pool (REGISTRY_POOL_SIZE); the mock allows 10 sessions per registrar. Same for both adapters. */
const CONCURRENCY = 8;
const ROUNDS = 3;
const OPS = ["check", "create", "info", "renew", "update", "delete"] as const;
type Op = (typeof OPS)[number];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(3));
}

/** CPU time (user + system, ms) of another process, from /proc; Linux only, 0 elsewhere. */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  } catch {
    return 0;
  }
}

async function mix(port: RegistryPort, prefix: string, iterations: number, concurrency: number, serverPid?: number) {
  const latencies: Record<Op, number[]> = { check: [], create: [], info: [], renew: [], update: [], delete: [] };
  const timed = async (op: Op, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    latencies[op].push(performance.now() - t);
  };
  let next = 0;
  const worker = async () => {
    while (next < iterations) {
      const i = next++;
      const name = `${prefix}-${i}.com`;
      await timed("check", () =>
        port.checkDomains({
          names: [name, `${prefix}-${i}.net`, `${prefix}-${i}.org`, `${prefix}-${i}.io`, `${prefix}-${i}.shop`],
        }),
      );
      const created = await (async () => {
        const t = performance.now();
        const r = await port.createDomain({ name, authInfo: "bench-secret-1" });
        latencies.create.push(performance.now() - t);
        return r;
      })();
      await timed("info", () => port.infoDomain({ name }));
      await timed("renew", () => port.renewDomain({ name, currentExpiry: created.data.expiresAt ?? "", years: 1 }));
      await timed("update", () => port.updateDomain({ name, add: { statuses: ["clientHold"] } }));
      await timed("delete", () => port.deleteDomain({ name }));
    }
  };
  const started = performance.now();
  const cpu = process.cpuUsage();
  const serverCpu = serverPid === undefined ? 0 : cpuMsOf(serverPid);
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const commands = iterations * OPS.length;
  const used = process.cpuUsage(cpu);
  // CPU per command on each side moves far less with the machine's load than commands/s does.
  const clientCpuUs = (used.user + used.system) / commands;
  const serverCpuUs = serverPid === undefined ? 0 : ((cpuMsOf(serverPid) - serverCpu) * 1000) / commands;
  return {
    commandsPerSecond: Math.round(commands / seconds),
    latencies,
    cpuUsPerCommand: Math.round(clientCpuUs + serverCpuUs),
  };
}

async function startRegistryProcess(dataDir: string): Promise<{ child: ChildProcess; port: number; ca: string }> {
  const main = path.resolve(import.meta.dirname, "../src/mock-registry/main.ts");
  // REGISTRY_BENCH_SERVER_FLAGS="--cpu-prof" profiles the registry process too (see docs/decisions/024).
  const flags = (process.env.REGISTRY_BENCH_SERVER_FLAGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...flags, "--import", "tsx", main], {
    env: { ...process.env, MOCK_REGISTRY_PORT: "0", MOCK_REGISTRY_ADMIN_PORT: "0", MOCK_REGISTRY_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += String(chunk);
      const m = /127\.0\.0\.1:(\d+) \(EPP/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`mock registry exited with ${code}`)));
  });
  return { child, port, ca: readFileSync(path.join(dataDir, "tls/cert.pem"), "utf8") };
}

function summarize(latencies: Record<Op, number[]>) {
  return Object.fromEntries(
    OPS.map((op) => [op, { p50: percentile(latencies[op], 50), p95: percentile(latencies[op], 95) }]),
  );
}

export default async function registryBench(): Promise<Record<string, unknown>> {
  const eppDir = mkdtempSync(path.join(tmpdir(), "bench-registry-epp-"));
  const localDir = mkdtempSync(path.join(tmpdir(), "bench-registry-local-"));
  const server = await startRegistryProcess(eppDir);
  const credentials = { clientId: "platform", password: "platform-dev-pass", poolSize: CONCURRENCY };
  const epp = createRegistryPort({
    adapter: "epp",
    host: "127.0.0.1",
    port: server.port,
    tlsCa: server.ca,
    ...credentials,
  });
  const local = createRegistryPort({
    adapter: "inprocess",
    registry: new MockRegistry({ dataDir: localDir }),
    ...credentials,
  });
  try {
    await mix(epp, "warm-e", WARMUP, CONCURRENCY);
    await mix(local, "warm-l", WARMUP, CONCURRENCY);
    // Alternating rounds, median of each: the machine's load drifts, and a single back-to-back pair
    // measured the two adapters under different conditions.
    const eppRates: number[] = [];
    const localRates: number[] = [];
    const eppCpu: number[] = [];
    const localCpu: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const e = await mix(epp, `bench-e${round}`, ITERATIONS, CONCURRENCY, server.child.pid);
      const l = await mix(local, `bench-l${round}`, ITERATIONS, CONCURRENCY);
      eppRates.push(e.commandsPerSecond);
      localRates.push(l.commandsPerSecond);
      eppCpu.push(e.cpuUsPerCommand);
      localCpu.push(l.cpuUsPerCommand);
    }
    const eppRun = { commandsPerSecond: median(eppRates) };
    const localRun = { commandsPerSecond: median(localRates) };
    const eppSerial = await mix(epp, "lat-e", ITERATIONS / 2, 1);
    const localSerial = await mix(local, "lat-l", ITERATIONS / 2, 1);
    const fifty = Array.from({ length: 50 }, (_, i) => `fifty-${i}.${["com", "net", "org", "io", "shop"][i % 5]}`);
    const t = performance.now();
    const bulk = await epp.checkDomains({ names: fifty });
    const fiftyNameCheckMs = Number((performance.now() - t).toFixed(2));
    const ratio = Number((eppRun.commandsPerSecond / localRun.commandsPerSecond).toFixed(3));

    console.log(
      `registry bench: mix of ${OPS.join("/")} x ${ITERATIONS}, ${CONCURRENCY} sessions, median of ${ROUNDS} alternating rounds`,
    );
    console.log(
      `  EPP adapter (TLS, registry in its own process): ${eppRun.commandsPerSecond} commands/s  (rounds ${eppRates.join(", ")})`,
    );
    console.log(
      `  in-process adapter:                             ${localRun.commandsPerSecond} commands/s  (rounds ${localRates.join(", ")})`,
    );
    console.log(`  ratio EPP / in-process: ${ratio} (goal >= 0.5)`);
    console.log(
      `  CPU per command (both processes for EPP): EPP ${median(eppCpu)} µs, in-process ${median(localCpu)} µs`,
    );
    for (const op of OPS) {
      const e = summarize(eppSerial.latencies)[op];
      const l = summarize(localSerial.latencies)[op];
      console.log(`  ${op.padEnd(7)} p50/p95 ms  EPP ${e.p50}/${e.p95}   in-process ${l.p50}/${l.p95}`);
    }
    console.log(`  50-name check in one EPP command: ${fiftyNameCheckMs} ms, ${bulk.data.length} answers`);
    return {
      eppCommandsPerSecond: eppRun.commandsPerSecond,
      inProcessCommandsPerSecond: localRun.commandsPerSecond,
      ratio,
      sessions: CONCURRENCY,
      cpuUsPerCommandEpp: median(eppCpu),
      cpuUsPerCommandInProcess: median(localCpu),
      eppRounds: eppRates,
      inProcessRounds: localRates,
      latencyMsEpp: summarize(eppSerial.latencies),
      latencyMsInProcess: summarize(localSerial.latencies),
      fiftyNameCheckMs,
      fiftyNameCheckAnswers: bulk.data.length,
    };
  } finally {
    await epp.close();
    await local.close();
    await new Promise<void>((resolve) => {
      server.child.once("exit", () => resolve());
      server.child.kill("SIGTERM");
    });
    rmSync(eppDir, { recursive: true, force: true });
    rmSync(localDir, { recursive: true, force: true });
  }
}
