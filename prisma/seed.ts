/**
 * Demo data, loaded by `npm run db:seed`, by `npm run dev` on first start and by the browser-test
 * server. Idempotent: every module upserts or finds its own earlier rows, so running it twice
 * changes nothing.
 *
 * Each capability adds one module in prisma/seed/<capability>.ts exporting `seed(db, options)` and
 * one line in SEED_MODULES below; modules run in order, so later ones may rely on earlier ones' rows.
 * Modules that go through the platform's services (domains) use the process's database, which
 * runSeed points at the same URL.
 */
import "../src/server-only-outside-next"; // first: lets this process load server modules outside Next
import { createDb, type Db } from "../src/server/db";
import * as tenancy from "./seed/tenancy";
import * as catalog from "./seed/catalog";
import * as domains from "./seed/domains";

export type SeedOptions = {
  /** Where the mock registry keeps its state (the demo names are registered there); default MOCK_REGISTRY_DATA_DIR. */
  registryDataDir?: string;
  log?: (line: string) => void;
};

type SeedModule = { seed: (db: Db, options: SeedOptions & { databaseUrl: string }) => Promise<void> };

const SEED_MODULES: [name: string, module: SeedModule][] = [
  ["tenancy", tenancy],
  ["catalog", catalog],
  ["domains", domains],
];

export async function runSeed(databaseUrl: string, options: SeedOptions = {}): Promise<void> {
  // The services the domains module calls read DATABASE_URL (scripts/db.ts leaves it unset for the embedded cluster).
  process.env.DATABASE_URL ??= databaseUrl;
  const db = createDb(databaseUrl);
  try {
    for (const [, module] of SEED_MODULES) await module.seed(db, { ...options, databaseUrl });
  } finally {
    await db.$disconnect();
  }
}
