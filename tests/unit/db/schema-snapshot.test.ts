/** The one schema snapshot the next migration is diffed from, and how it takes over the older per-migration copies. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SNAPSHOT, adoptFolderSnapshots, readSnapshot, writeSnapshot } from "../../../scripts/db/schema-snapshot";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "schema-snapshot-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A migration folder as the older code left it: its SQL and, optionally, its own snapshot. */
async function folder(name: string, ownSnapshot?: string) {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), "-- sql\n");
  if (ownSnapshot !== undefined) await writeFile(path.join(dir, name, SNAPSHOT), ownSnapshot);
}

describe("schema snapshot", () => {
  it("is absent before the first migration, so the first one is diffed from an empty schema", async () => {
    expect(await readSnapshot(dir)).toBeNull();
  });

  it("reads back what was written, naming the migration it belongs to", async () => {
    await folder("20260101000000_a");
    await writeSnapshot(dir, { migration: "20260101000000_a", content: "model A {\n  id Int @id\n}\n" });

    expect(await readSnapshot(dir)).toEqual({ migration: "20260101000000_a", content: "model A {\n  id Int @id\n}\n" });
    expect((await readdir(dir)).sort()).toEqual(["20260101000000_a", SNAPSHOT]);
  });

  it("refuses to diff from nothing when migrations exist but the snapshot is missing", async () => {
    await folder("20260101000000_a");
    await expect(readSnapshot(dir)).rejects.toThrow(/no schema.snapshot.prisma/);
  });

  it("refuses a snapshot whose first line does not name its migration", async () => {
    await folder("20260101000000_a");
    await writeFile(path.join(dir, SNAPSHOT), "model A {\n  id Int @id\n}\n");
    await expect(readSnapshot(dir)).rejects.toThrow(/restore it from git/);
  });

  it("prefers a newer migration's own snapshot, left by the older code", async () => {
    await folder("20260101000000_a");
    await writeSnapshot(dir, { migration: "20260101000000_a", content: "schema a" });
    await folder("20260102000000_b", "schema b");

    expect(await readSnapshot(dir)).toEqual({ migration: "20260102000000_b", content: "schema b" });
  });

  it("ignores an older migration's own snapshot, which the single one supersedes", async () => {
    await folder("20260101000000_a", "schema a");
    await folder("20260102000000_b");
    await writeSnapshot(dir, { migration: "20260102000000_b", content: "schema b" });

    expect(await readSnapshot(dir)).toEqual({ migration: "20260102000000_b", content: "schema b" });
  });

  it("takes over the per-migration layout: the newest copy becomes the single file, every copy goes", async () => {
    await folder("20260101000000_a", "schema a");
    await folder("20260102000000_b", "schema b");

    await adoptFolderSnapshots(dir);

    expect(await readSnapshot(dir)).toEqual({ migration: "20260102000000_b", content: "schema b" });
    expect(await readdir(path.join(dir, "20260101000000_a"))).toEqual(["migration.sql"]);
    expect(await readdir(path.join(dir, "20260102000000_b"))).toEqual(["migration.sql"]);
    expect((await readFile(path.join(dir, SNAPSHOT), "utf8")).split("\n")[0]).toMatch(
      /^\/\/ Schema after migration 20260102000000_b\./,
    );
  });

  it("keeps the single snapshot when a stray per-migration copy is older", async () => {
    await folder("20260101000000_a", "schema a");
    await folder("20260102000000_b");
    await writeSnapshot(dir, { migration: "20260102000000_b", content: "schema b" });

    await adoptFolderSnapshots(dir);

    expect(await readSnapshot(dir)).toEqual({ migration: "20260102000000_b", content: "schema b" });
    expect(await readdir(path.join(dir, "20260101000000_a"))).toEqual(["migration.sql"]);
  });
});
