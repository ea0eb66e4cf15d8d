import { db } from "@/server/db";

let tables: string[] | undefined;

/** Empties every table but the migration history; cheap enough to run before each test. */
export async function resetDb(): Promise<void> {
  tables ??= (
    await db.$queryRaw<{ tablename: string }[]>`
      select tablename from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations'`
  ).map((r) => `"public"."${r.tablename}"`);
  if (tables.length) await db.$executeRawUnsafe(`truncate ${tables.join(", ")} restart identity cascade`);
}
