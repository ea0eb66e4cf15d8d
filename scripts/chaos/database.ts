/**
 * The run's own database: a throwaway `chaos_<pid>` (`<name>_chaos_<pid>` when DATABASE_URL names a
 * database) on DATABASE_URL's server, or on an embedded cluster of its own when DATABASE_URL is unset
 * (as the benches do). Dropped at the end unless kept.
 */
import { applyMigrations } from "../db/migrations";
import { dropDatabase, ensureDatabase, splitDatabaseUrl, startEmbeddedCluster } from "../db/embedded";

export type ChaosDatabase = { url: string; name: string; drop: () => Promise<void> };

export async function createChaosDatabase(opts: { pgPort: number; keep: boolean }): Promise<ChaosDatabase> {
  const fromEnv = process.env.DATABASE_URL;
  const cluster = fromEnv
    ? null
    : await startEmbeddedCluster({ dir: ".data/chaos-postgres", port: opts.pgPort, persistent: false });
  const serverUrl = fromEnv ? splitDatabaseUrl(fromEnv).serverUrl : (cluster?.serverUrl as string);
  // A database named in DATABASE_URL prefixes the run's, so runs on a shared server keep to their names.
  const given = fromEnv ? splitDatabaseUrl(fromEnv).database : "postgres";
  const name = `${given === "postgres" ? "chaos" : `${given}_chaos`}_${process.pid}`;
  await dropDatabase(serverUrl, name);
  const url = await ensureDatabase(serverUrl, name);
  await applyMigrations(url);
  return {
    url,
    name,
    drop: async () => {
      if (!opts.keep) await dropDatabase(serverUrl, name).catch(() => {});
      await cluster?.stop();
    },
  };
}
