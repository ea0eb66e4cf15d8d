/**
 * One PostgreSQL for the whole integration run (embedded unless DATABASE_URL is set), and one
 * template database with every migration applied; each test worker clones it.
 */
import type { TestProject } from "vitest/node";
import pg from "pg";
import { applyMigrations } from "../../scripts/db/migrations";
import { dropDatabase, ensureDatabase, splitDatabaseUrl, startEmbeddedCluster } from "../../scripts/db/embedded";

export const TEMPLATE_DB = "registrar_test_template";
// At least vitest.config.ts maxWorkers for the integration project.
const WORKER_DATABASES = 4;

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

async function dropOldTestDatabases(serverUrl: string) {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like 'registrar_test_%'");
  await client.end();
  for (const r of rows) await dropDatabase(serverUrl, r.datname);
}

export default async function setup(project: TestProject) {
  let serverUrl: string;
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    serverUrl = splitDatabaseUrl(process.env.DATABASE_URL).serverUrl;
  } else {
    const cluster = await startEmbeddedCluster({ dir: ".data/test-postgres", port: Number(process.env.TEST_PG_PORT ?? 5489) });
    serverUrl = cluster.serverUrl;
    stop = cluster.stop;
  }
  await dropOldTestDatabases(serverUrl);
  const url = await ensureDatabase(serverUrl, TEMPLATE_DB);
  await applyMigrations(url);
  // Clone here, one after another: PostgreSQL refuses two clones of one template at the same time.
  for (let id = 1; id <= WORKER_DATABASES; id++) await ensureDatabase(serverUrl, `registrar_test_w${id}`, TEMPLATE_DB);
  project.provide("pgServerUrl", serverUrl);
  return async () => {
    await dropOldTestDatabases(serverUrl);
    await stop();
  };
}
