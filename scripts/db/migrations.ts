/**
 * Create, apply and check migrations in Prisma's own layout (prisma/migrations/<name>/migration.sql).
 * This engine build cannot introspect a live database, so one file keeps the schema as it stood at the
 * newest migration (./schema-snapshot.ts): a new migration is the diff from it to the schema now, and
 * drift is that same diff expecting nothing.
 */
// First: the legacy-audit sealing below reaches the audit key, and this module runs in plain Node
// processes (the embedded cluster, CI scripts) as often as under an entry point that loaded the shim.
import "../../src/server-only-outside-next";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { sealLegacyAuditEntries } from "../../src/server/audit/seal-legacy-entries";
import { noFilters, openSchemaEngine, type SchemaFile } from "./schema-engine";
import { adoptFolderSnapshots, migrationNames, readSnapshot, writeSnapshot } from "./schema-snapshot";

export const root = path.resolve(import.meta.dirname, "../..");

/** Where the schema files and the migrations live; tests point it at a scratch directory. */
export type MigrationLayout = { schemaDir: string; migrationsDir: string };
const project: MigrationLayout = {
  schemaDir: path.join(root, "prisma/schema"),
  migrationsDir: path.join(root, "prisma/migrations"),
};

export async function currentSchema(schemaDir = project.schemaDir): Promise<SchemaFile[]> {
  const names = (await readdir(schemaDir)).filter((f) => f.endsWith(".prisma")).sort();
  return Promise.all(
    names.map(async (n) => {
      const file = path.join(schemaDir, n);
      return { path: path.relative(root, file), content: await readFile(file, "utf8") };
    }),
  );
}

/** The schema files joined into one datamodel, as stored in the snapshot. */
function joined(files: SchemaFile[]): string {
  return files.map((f) => `// ---- ${path.basename(f.path)}\n${f.content}`).join("\n");
}

/** SQL that takes the newest migration's schema to the current one ("" when they agree). */
// The engine opens a connection at start even for a pure diff, so it is given a real database.
export async function pendingSchemaChange(databaseUrl: string, layout = project): Promise<string> {
  return diffFromSnapshot(await currentSchema(layout.schemaDir), databaseUrl, layout.migrationsDir);
}

async function diffFromSnapshot(files: SchemaFile[], databaseUrl: string, migrationsDir: string): Promise<string> {
  const engine = await openSchemaEngine(files, databaseUrl);
  try {
    const snapshot = await readSnapshot(migrationsDir);
    const from = snapshot
      ? { tag: "schemaDatamodel", files: [{ path: "snapshot.prisma", content: snapshot.content }] }
      : { tag: "empty" };
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

export async function createMigration(name: string, databaseUrl: string, layout = project): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("migration name: lower-case letters, digits and _ only");
  const { migrationsDir } = layout;
  await mkdir(migrationsDir, { recursive: true });
  // Two people creating migrations at once would both diff from the same snapshot.
  const lock = path.join(migrationsDir, ".creating");
  try {
    await mkdir(lock);
  } catch {
    throw new Error(`another migration is being created (remove ${lock} if that is not so)`);
  }
  try {
    // A migration made by the older code keeps its snapshot in its own folder: move it to the single file.
    await adoptFolderSnapshots(migrationsDir);
    return await writeMigration(name, databaseUrl, layout);
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function writeMigration(name: string, databaseUrl: string, layout: MigrationLayout): Promise<string | null> {
  // One read of the schema for both the SQL and the snapshot, so an edit made meanwhile is in neither.
  const files = await currentSchema(layout.schemaDir);
  const sql = await diffFromSnapshot(files, databaseUrl, layout.migrationsDir);
  if (!sql.trim()) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = `${stamp}_${name}`;
  const dir = path.join(layout.migrationsDir, folder);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  await writeSnapshot(layout.migrationsDir, { migration: folder, content: joined(files) });
  await writeFile(path.join(layout.migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
  return dir;
}

export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsDir = project.migrationsDir;
  const names = await migrationNames(migrationsDir);
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
