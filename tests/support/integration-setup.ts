// Each worker gets its own database cloned from the migrated template, and a clean one per test.
import { afterAll, beforeEach, inject } from "vitest";
import { resetDb } from "./reset-db";

const serverUrl = inject("pgServerUrl");
// Databases <prefix>_w1..N are cloned by the global setup, one per worker.
process.env.DATABASE_URL = `${serverUrl}/${inject("testDbPrefix")}_w${process.env.VITEST_POOL_ID ?? "1"}`;

beforeEach(async () => {
  await resetDb();
});

afterAll(async () => {
  const { db } = await import("@/server/db");
  await db.$disconnect();
});
