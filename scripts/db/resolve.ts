/** Where the app's database is: DATABASE_URL when set, otherwise the embedded cluster. */
import { ensureDatabase, startEmbeddedCluster, type Cluster } from "./embedded";

export const EMBEDDED_DIR = ".data/postgres";
export const EMBEDDED_DB = "registrar";

export async function resolveDatabase(): Promise<{ url: string; cluster: Cluster | null }> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { url: fromEnv, cluster: null };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 5488);
  const cluster = await startEmbeddedCluster({ dir: EMBEDDED_DIR, port });
  const url = await ensureDatabase(cluster.serverUrl, EMBEDDED_DB);
  return { url, cluster };
}
