/**
 * npm run chaos — places orders against the mock registry with faults on, kills the job worker and
 * restarts the registry while they are fulfilled, waits for the system to settle, then compares the
 * registry's objects, our rows and the ledger. Prints a short account, then one JSON line of figures;
 * exits 1 when anything was lost, charged twice, orphaned, left unexplained or the ledger is unclean.
 * Settings: CHAOS_ORDERS, CHAOS_FAULT_RATE, CHAOS_SEED … or flags (scripts/chaos/options.ts).
 * Decision: docs/decisions/078-chaos-run.md.
 */
import "../src/server-only-outside-next"; // first: lets this process load server modules outside Next
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseChaosOptions } from "./chaos/options";
import { createChaosDatabase } from "./chaos/database";
import { SESSIONS_PER_PROCESS } from "./chaos/registry-admin";

async function main(): Promise<number> {
  const options = parseChaosOptions(process.argv.slice(2), process.env);
  const logDir = mkdtempSync(path.join(os.tmpdir(), "chaos-run-"));
  mkdirSync(path.join(logDir, "mail"));
  const database = await createChaosDatabase({ pgPort: options.pgPort, keep: options.keepDatabase });
  // This process places orders through the platform's services, which read their settings once:
  // point them at the run's database and registry before any of them is loaded.
  const platform: Record<string, string> = {
    DATABASE_URL: database.url,
    NODE_ENV: "development",
    REGISTRY_ADAPTER: "epp",
    REGISTRY_EPP_HOST: "127.0.0.1",
    REGISTRY_EPP_PORT: String(options.registryPort),
    REGISTRY_EPP_CLIENT_ID: "platform",
    REGISTRY_EPP_PASSWORD: "platform-dev-pass",
    REGISTRY_EPP_TLS_INSECURE: "true",
    // Sessions per process; the run raises the mock's per-registrar limit to fit every process.
    REGISTRY_POOL_SIZE: String(SESSIONS_PER_PROCESS),
    REGISTRY_COMMAND_TIMEOUT_MS: String(options.commandTimeoutMs),
    MAIL_DROP_DIR: path.join(logDir, "mail"),
    // Retries a second apart instead of five, and a lease a killed worker gives up within half a minute.
    FULFILMENT_RETRY_DELAY_SECONDS: process.env.FULFILMENT_RETRY_DELAY_SECONDS ?? "1",
    FULFILMENT_LEASE_SECONDS: process.env.FULFILMENT_LEASE_SECONDS ?? "60",
  };
  Object.assign(process.env, platform);
  delete process.env.REGISTRY_EPP_CA_FILE;
  const registryEnv: NodeJS.ProcessEnv = {
    ...process.env,
    MOCK_REGISTRY_HOST: "127.0.0.1",
    MOCK_REGISTRY_PORT: String(options.registryPort),
    MOCK_REGISTRY_ADMIN_PORT: String(options.registryPort + 1),
    MOCK_REGISTRY_DATA_DIR: path.join(logDir, "registry"),
  };
  delete registryEnv.MOCK_REGISTRY_FAULTS;

  let closeServices = async () => {};
  try {
    const { runChaos } = await import("./chaos/run");
    const { figuresOf, failuresOf, summaryOf, sampleProblems } = await import("./chaos/report");
    closeServices = (await import("./chaos/close-services")).closeServices;
    const run = await runChaos(options, { worker: { ...process.env }, registry: registryEnv, logDir }, (line) =>
      console.log(line),
    );
    const figures = figuresOf(run);
    const failures = failuresOf(figures, run);
    for (const line of summaryOf(figures, run, failures)) console.log(line);
    console.log(
      JSON.stringify({
        chaos: failures.length ? "failed" : "passed",
        ...figures,
        failures,
        problems: sampleProblems(run.verdict.problems),
      }),
    );
    // Logs are kept only when there is something to read in them.
    if (!failures.length) rmSync(logDir, { recursive: true, force: true });
    return failures.length ? 1 : 0;
  } finally {
    await closeServices();
    await database.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
