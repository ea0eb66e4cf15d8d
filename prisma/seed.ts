/**
 * Demo data, loaded by `npm run db:seed`, by `npm run dev` on first start and by the browser-test
 * server. Idempotent: every module upserts, so running it twice changes nothing.
 *
 * Each capability adds one module in prisma/seed/<capability>.ts exporting `seed(db)` and one line
 * in SEED_MODULES below; modules run in order, so later ones may rely on earlier ones' rows.
 */
import { createDb, type Db } from "../src/server/db";
import * as tenancy from "./seed/tenancy";
import * as catalog from "./seed/catalog";

type SeedModule = { seed: (db: Db) => Promise<void> };

const SEED_MODULES: [name: string, module: SeedModule][] = [
  ["tenancy", tenancy],
  ["catalog", catalog],
];

export async function runSeed(databaseUrl: string): Promise<void> {
  const db = createDb(databaseUrl);
  try {
    for (const [, module] of SEED_MODULES) await module.seed(db);
  } finally {
    await db.$disconnect();
  }
}
