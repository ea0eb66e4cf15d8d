/**
 * Where a bench runs: a throwaway database on the server DATABASE_URL names, or on an embedded cluster
 * of its own when none is named. The database named in DATABASE_URL prefixes the throwaway one, so
 * benches of several people on one shared server keep to their names.
 */
import { dropDatabase, ensureDatabase, splitDatabaseUrl, startEmbeddedCluster } from "../scripts/db/embedded";
import type { EntryInput } from "../src/server/billing/post-entry";
import { resellerAccount } from "../src/server/billing/accounts";

export type BenchDatabase = {
  /** The throwaway database's URL. */
  url: string;
  /** Drops the database and stops the cluster if this bench started it. */
  close(): Promise<void>;
};

/**
 * `bench` names the database (`<given or "bench">_<bench>_<pid>`): letters, digits and underscores;
 * `opts.name` names it outright.
 */
export async function openBenchDatabase(
  bench: string,
  opts: { keepCluster?: boolean; name?: string } = {},
): Promise<BenchDatabase> {
  const fromEnv = process.env.DATABASE_URL;
  const cluster = fromEnv
    ? null
    : await startEmbeddedCluster({
        dir: ".data/bench-postgres",
        port: Number(process.env.BENCH_PG_PORT ?? 5491),
        persistent: opts.keepCluster ?? false,
      });
  const { serverUrl, database } = fromEnv
    ? splitDatabaseUrl(fromEnv)
    : { serverUrl: (cluster as NonNullable<typeof cluster>).serverUrl, database: "postgres" };
  const name = opts.name ?? `${database === "postgres" ? "bench" : database}_${bench}_${process.pid}`;
  const url = await ensureDatabase(serverUrl, name);
  return {
    url,
    close: async () => {
      await dropDatabase(serverUrl, name);
      await cluster?.stop();
    },
  };
}

/** A manual credit large enough that no bench runs a reseller's available balance dry. */
export function benchFunding(resellerId: string): EntryInput {
  return {
    key: `bench:fund:${resellerId}`,
    kind: "manual_credit",
    resellerId,
    lines: [
      { account: resellerAccount("reseller_available", resellerId, "USD"), amount: 1_000_000_000 },
      { account: resellerAccount("manual_adjustments", resellerId, "USD"), amount: -1_000_000_000 },
    ],
  };
}
