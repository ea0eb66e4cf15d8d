import { describe, expect, it } from "vitest";
import { pendingSchemaChange } from "../../../scripts/db/migrations";
import { db } from "@/server/db";

describe("database schema", () => {
  it("has no change in prisma/schema that the committed migrations lack", async () => {
    const sql = await pendingSchemaChange(process.env.DATABASE_URL as string);
    expect(sql.trim(), "run npm run db:migrate:create -- NAME").toBe("");
  });

  it("is what applying every migration to an empty database produces", async () => {
    const rows = await db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      select migration_name, finished_at from _prisma_migrations`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });
});
