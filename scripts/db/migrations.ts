/**
 * Create, apply and check migrations in Prisma's own layout (prisma/migrations/<name>/migration.sql).
 * Each migration keeps a copy of the schema it was made from (schema.snapshot.prisma) because this
 * engine build cannot introspect a live database: a new migration is the diff from the newest
 * snapshot to the schema now, and drift is that same diff expecting nothing.
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { sealLegacyAuditEntries } from "../../src/server/audit/seal-legacy-entries";
import { noFilters, openSchemaEngine, type SchemaFile } from "./schema-engine";

export const root = path.resolve(import.meta.dirname, "../..");
const schemaDir = path.join(root, "prisma/schema");
const migrationsDir = path.join(root, "prisma/migrations");
const SNAPSHOT = "schema.snapshot.prisma";

export async function currentSchema(): Promise<SchemaFile[]> {
  const names = (await readdir(schemaDir)).filter((f) => f.endsWith(".prisma")).sort();
  return Promise.all(
    names.map(async (n) => ({ path: `prisma/schema/${n}`, content: await readFile(path.join(schemaDir, n), "utf8") })),
  );
}

async function migrationNames(): Promise<string[]> {
  await mkdir(migrationsDir, { recursive: true });
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
}

async function latestSnapshot(): Promise<SchemaFile[] | null> {
  const names = await migrationNames();
  const last = names.at(-1);
  if (!last) return null;
  const content = await readFile(path.join(migrationsDir, last, SNAPSHOT), "utf8");
  return [{ path: "snapshot.prisma", content }];
}

/** The schema files joined into one datamodel, as stored beside a migration. */
function joined(files: SchemaFile[]): string {
  return files.map((f) => `// ---- ${path.basename(f.path)}\n${f.content}`).join("\n");
}

/** SQL that takes the newest migration's schema to the current one ("" when they agree). */
// The engine opens a connection at start even for a pure diff, so it is given a real database.
export async function pendingSchemaChange(databaseUrl: string): Promise<string> {
  const files = await currentSchema();
  const engine = await openSchemaEngine(files, databaseUrl);
  try {
    const snapshot = await latestSnapshot();
    const from = snapshot ? { tag: "schemaDatamodel", files: snapshot } : { tag: "empty" };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  } finally {
    await engine.close();
  }
}

export async function createMigration(name: string, databaseUrl: string): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("migration name: lower-case letters, digits and _ only");
  // Two people creating migrations at once would both diff from the same snapshot.
  const lock = path.join(migrationsDir, ".creating");
  try {
    await mkdir(lock);
  } catch {
    throw new Error(`another migration is being created (remove ${lock} if that is not so)`);
  }
  try {
    return await writeMigration(name, databaseUrl);
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function writeMigration(name: string, databaseUrl: string): Promise<string | null> {
  const sql = await pendingSchemaChange(databaseUrl);
  if (!sql.trim()) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  await writeFile(path.join(dir, SNAPSHOT), joined(await currentSchema()));
  await writeFile(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
  return dir;
}

export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const names = await migrationNames();
  const migrationDirectories = await Promise.all(
    names.map(async (n) => ({
      path: n,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: await readFile(path.join(migrationsDir, n, "migration.sql"), "utf8") },
      },
    })),
  );
  const engine = await openSchemaEngine(await currentSchema(), databaseUrl);
  let applied: string[];
  try {
    const out = await engine.applyMigrations({
      migrationsList: {
        baseDir: migrationsDir,
        lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
        migrationDirectories,
        shadowDbInitScript: "",
      },
      filters: noFilters,
    });
    applied = out.appliedMigrationNames;
  } finally {
    await engine.close();
  }
  // The part of migration audit_chains_per_tenant that needs a key the SQL never sees (a no-op once done).
  await sealLegacyAuditEntries(databaseUrl);
  return applied;
}
