/**
 * The schema as it stood at the newest migration, kept in one file: prisma/migrations/schema.snapshot.prisma.
 * This engine build cannot introspect a database, so the next migration is diffed from this text
 * (docs/decisions/003-prisma-offline.md). Its first line names the migration it belongs to, so a copy left
 * inside a newer migration folder by the older per-migration layout can be told apart and taken over.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export const SNAPSHOT = "schema.snapshot.prisma";
const HEADER = /^\/\/ Schema after migration (\S+)\. .*\n/;

export type Snapshot = { migration: string; content: string };

/** Migration folder names, oldest first (their names start with a timestamp). */
export async function migrationNames(migrationsDir: string): Promise<string[]> {
  await mkdir(migrationsDir, { recursive: true });
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

async function singleSnapshot(migrationsDir: string): Promise<Snapshot | null> {
  const file = path.join(migrationsDir, SNAPSHOT);
  const text = await readIfExists(file);
  if (text === null) return null;
  const header = HEADER.exec(text);
  if (!header) throw new Error(`${file} lacks its "// Schema after migration NAME." line: restore it from git`);
  return { migration: header[1], content: text.slice(header[0].length) };
}

/** Copies the older layout kept inside each migration folder, oldest first. */
async function folderSnapshots(migrationsDir: string): Promise<{ migration: string; file: string }[]> {
  const found = [];
  for (const name of await migrationNames(migrationsDir)) {
    const file = path.join(migrationsDir, name, SNAPSHOT);
    if ((await readIfExists(file)) !== null) found.push({ migration: name, file });
  }
  return found;
}

/**
 * The schema after the newest migration, or null before the first one. A migration made by the older
 * per-migration code (its folder holds its own snapshot) that is newer than the single snapshot wins,
 * so a branch or a colleague still on that code does not make the next diff start from a stale schema.
 */
export async function readSnapshot(migrationsDir: string): Promise<Snapshot | null> {
  const single = await singleSnapshot(migrationsDir);
  const newer = (await folderSnapshots(migrationsDir)).filter((f) => !single || f.migration > single.migration).at(-1);
  if (newer) return { migration: newer.migration, content: await readFile(newer.file, "utf8") };
  if (single) return single;
  const names = await migrationNames(migrationsDir);
  if (names.length > 0) {
    throw new Error(
      `${migrationsDir} has migrations but no ${SNAPSHOT}: restore it from git rather than diff from nothing`,
    );
  }
  return null;
}

export async function writeSnapshot(migrationsDir: string, snapshot: Snapshot): Promise<void> {
  const file = path.join(migrationsDir, SNAPSHOT);
  const header = `// Schema after migration ${snapshot.migration}. Written by npm run db:migrate:create: do not edit.\n`;
  // A half-written snapshot would make the next migration repeat or miss changes; rename is atomic.
  await writeFile(`${file}.tmp`, header + snapshot.content);
  await rename(`${file}.tmp`, file);
}

/**
 * Moves a per-migration snapshot left by the older code into the single file when it is newer, then
 * deletes every per-migration copy (older ones are superseded). Run under the creation lock.
 */
export async function adoptFolderSnapshots(migrationsDir: string): Promise<void> {
  const folders = await folderSnapshots(migrationsDir);
  if (folders.length === 0) return;
  const snapshot = await readSnapshot(migrationsDir);
  if (snapshot) await writeSnapshot(migrationsDir, snapshot);
  for (const f of folders) await rm(f.file);
}
