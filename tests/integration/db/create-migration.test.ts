/**
 * npm run db:migrate:create and db:check on a scratch layout: each migration is the diff from the one schema
 * snapshot, which moves forward with it, and a migration made by the older per-migration code is taken over.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMigration, pendingSchemaChange, type MigrationLayout } from "../../../scripts/db/migrations";
import { SNAPSHOT, readSnapshot } from "../../../scripts/db/schema-snapshot";

const datasource = 'datasource db {\n  provider = "postgresql"\n}\n';
const widget = (fields: string) => `model Widget {\n  id Int @id\n${fields}}\n`;

let base: string;
let layout: MigrationLayout;
const url = () => process.env.DATABASE_URL as string;

async function setModels(text: string) {
  await writeFile(path.join(layout.schemaDir, "widgets.prisma"), text);
}

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), "create-migration-"));
  layout = { schemaDir: path.join(base, "schema"), migrationsDir: path.join(base, "migrations") };
  await mkdir(layout.schemaDir);
  await writeFile(path.join(layout.schemaDir, "schema.prisma"), datasource);
  await setModels(widget(""));
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("creating migrations", () => {
  it("writes each migration folder with its SQL only and moves the single snapshot forward", async () => {
    const first = await createMigration("first", url(), layout);
    expect(first).not.toBeNull();
    expect(await readdir(first as string)).toEqual(["migration.sql"]);
    expect(await readFile(path.join(first as string, "migration.sql"), "utf8")).toMatch(/CREATE TABLE "Widget"/);
    expect((await readSnapshot(layout.migrationsDir))?.migration).toBe(path.basename(first as string));
    expect(await pendingSchemaChange(url(), layout)).toBe("");

    await setModels(widget("  colour String?\n"));
    expect(await pendingSchemaChange(url(), layout)).toMatch(/ADD COLUMN\s+"colour"/);
    const second = await createMigration("second", url(), layout);

    const sql = await readFile(path.join(second as string, "migration.sql"), "utf8");
    expect(sql).toMatch(/ADD COLUMN\s+"colour"/);
    expect(sql).not.toMatch(/CREATE TABLE/);
    expect(await readdir(second as string)).toEqual(["migration.sql"]);
    expect((await readSnapshot(layout.migrationsDir))?.migration).toBe(path.basename(second as string));
    expect(await pendingSchemaChange(url(), layout)).toBe("");
    expect(await createMigration("nothing", url(), layout)).toBeNull();
  });

  it("takes over a newer migration made by the older code that kept a snapshot in its folder", async () => {
    await createMigration("first", url(), layout);
    const legacy = path.join(layout.migrationsDir, "99991231235959_old_code");
    await mkdir(legacy);
    await writeFile(path.join(legacy, "migration.sql"), 'ALTER TABLE "Widget" ADD COLUMN "size" INTEGER;\n');
    await writeFile(path.join(legacy, SNAPSHOT), datasource + widget("  size Int?\n"));
    await setModels(widget("  size Int?\n"));

    expect(await pendingSchemaChange(url(), layout)).toBe("");
    expect(await createMigration("nothing", url(), layout)).toBeNull();

    expect(await readdir(legacy)).toEqual(["migration.sql"]);
    expect(await readSnapshot(layout.migrationsDir)).toEqual({
      migration: "99991231235959_old_code",
      content: datasource + widget("  size Int?\n"),
    });
    expect(await pendingSchemaChange(url(), layout)).toBe("");
  });
});
