import { db } from "@/server/db";

let tables: string[] | undefined;

/**
 * Empties every table but the migration history; cheap enough to run before each test. The audit log
 * refuses TRUNCATE by trigger; replica mode (superuser only, as the test database's user is) skips
 * triggers for this one transaction, so production code has no switch that lets it through.
 */
export async function resetDb(): Promise<void> {
  tables ??= (
    await db.$queryRaw<{ tablename: string }[]>`
      select tablename from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations'`
  ).map((r) => `"public"."${r.tablename}"`);
  if (!tables.length) return;
  await db.$transaction([
    db.$executeRawUnsafe("set local session_replication_role = replica"),
    db.$executeRawUnsafe(`truncate ${tables.join(", ")} restart identity cascade`),
  ]);
}
