/**
 * The server the browser tests run against: a production build on its own port, with a fresh
 * database (own embedded cluster unless DATABASE_URL is set), fresh seed, fresh mock registry state.
 */
import "../src/server-only-outside-next"; // first: lets this process load server modules outside Next
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { dropDatabase, ensureDatabase, splitDatabaseUrl, startEmbeddedCluster } from "./db/embedded";
import { root } from "./db/migrations";
import { runNextWithStack, startStack } from "./lib/platform-stack";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const port = process.env.E2E_PORT ?? "3100";
const host = `localhost:${port}`;
// Parallel runs on one machine each take their own database and registry state.
const dbName = process.env.E2E_DB_NAME ?? "registrar_e2e";
const registryDir = `.data/e2e-registry${process.env.E2E_DB_NAME ? `-${process.env.E2E_DB_NAME}` : ""}`;

async function main() {
  Object.assign(process.env, {
    CONSOLE_HOST: host,
    STOREFRONT_BASE_DOMAIN: host,
    MOCK_REGISTRY_PORT: process.env.E2E_REGISTRY_PORT ?? "7100",
    REGISTRY_EPP_PORT: process.env.E2E_REGISTRY_PORT ?? "7100",
    MOCK_REGISTRY_DATA_DIR: registryDir,
    // The mock allows a registrar 10 sessions. Next's and the worker's pools each keep one or more per
    // registry operator open (searches touch every TLD; the status job checks each connection), so a
    // test's own tsx process found none left. Sized here as a registrar sizes its allowance.
    MOCK_REGISTRY_FAULTS: process.env.MOCK_REGISTRY_FAULTS ?? JSON.stringify({ "*": { sessionLimit: 40 } }),
    // A production server refuses to start without secrets; these protect test data only.
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-any-real-deployment-000",
    AUDIT_HMAC_KEY: process.env.AUDIT_HMAC_KEY ?? "e2e-only-audit-key-not-for-any-real-deployment-0",
    DATA_KEYS: process.env.DATA_KEYS ?? `e2e:${Buffer.alloc(32, "e2e-data-key").toString("base64")}`,
    // The whole process is production, like `npm start`: the worker and seed run here beside Next.
    NODE_ENV: "production",
    // What the browser tests need and production refuses, accepted by name (README "Running in production").
    ALLOW_TEST_PAYMENTS: "1",
    ALLOW_LOCAL_DNS: "1",
    ALLOW_MOCK_REGISTRY: "1",
    ALLOW_EXAMPLE_PRIVACY_CONTACT: "1",
    ALLOW_CA_STANDIN: "1",
    ALLOW_TMCH_STANDIN: "1",
    TMCH_STANDIN_PORT: process.env.E2E_TMCH_PORT ?? "7151",
    TMCH_STANDIN_DATA_DIR: `.data/e2e-tmch-standin${process.env.E2E_DB_NAME ? `-${process.env.E2E_DB_NAME}` : ""}`,
    // Its own CA stand-in port and state, like the registry's, so parallel runs do not share them.
    SSL_CA_STANDIN_URL: `http://127.0.0.1:${process.env.E2E_CA_PORT ?? "7141"}`,
    CA_STANDIN_DATA_DIR: `.data/e2e-ca-standin${process.env.E2E_DB_NAME ? `-${process.env.E2E_DB_NAME}` : ""}`,
    SEED_DEMO: "1",
    ALLOW_DEMO_SEED: "1",
    // Journeys wait on the minute's sweeps (marks, launch applications, certificates, mail): a pass
    // every few seconds saves the suite minutes of waiting for pg-boss's next cron minute (decision 131).
    SWEEP_EVERY_SECONDS: process.env.SWEEP_EVERY_SECONDS ?? "3",
    // The journeys move the registry's clock past the catalogue's dates: the safety look finds the start.
    LAUNCH_WATCH_SAFETY_SECONDS: process.env.LAUNCH_WATCH_SAFETY_SECONDS ?? "15",
  });
  rmSync(path.join(root, registryDir), { recursive: true, force: true });
  rmSync(path.join(root, `${registryDir}-sandbox`), { recursive: true, force: true });

  const { serverUrl } = process.env.DATABASE_URL
    ? splitDatabaseUrl(process.env.DATABASE_URL)
    : await startEmbeddedCluster({ dir: ".data/e2e-postgres", port: Number(process.env.E2E_PG_PORT ?? 5490) });
  await dropDatabase(serverUrl, dbName);
  process.env.DATABASE_URL = await ensureDatabase(serverUrl, dbName);

  if (process.env.E2E_SKIP_BUILD !== "1") {
    const built = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      cwd: root,
      env: { ...process.env, NEXT_BUILD_SKIP_TYPECHECK: "1" },
    });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const stack = await startStack({ worker: true, registry: true });
  runNextWithStack(stack, nextBin, ["start", "--port", port], { NODE_ENV: "production" });
}

void main();
