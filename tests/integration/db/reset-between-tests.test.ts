/**
 * Every test starts from an empty database: the reset before each test (tests/support/reset-db.ts)
 * empties only the tables a test touched, so what it leaves must be what emptying all of them left.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { resetDb } from "../../support/reset-db";
import { createRegistrant, createReseller } from "../../support/factories";

/** Tables holding a row and sequences that have handed out an id, each asked in one statement. */
async function leftovers(): Promise<{ rows: string[]; movedSequences: string[] }> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    select tablename as name from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations'`;
  const sequences = await db.$queryRaw<{ name: string }[]>`
    select sequencename as name from pg_sequences where schemaname = 'public'`;
  const ask = async (names: { name: string }[], holds: (quoted: string) => string) =>
    (
      await db.$queryRawUnsafe<{ name: string }[]>(
        names.map(({ name }) => `select '${name}' as name where ${holds(`"public"."${name}"`)}`).join(" union all "),
      )
    )
      .map((r) => r.name)
      .sort();
  return {
    rows: await ask(tables, (t) => `exists (select 1 from ${t})`),
    movedSequences: await ask(sequences, (s) => `(select is_called from ${s})`),
  };
}

describe("the reset between tests", () => {
  it("leaves no row in any table and every id sequence at its start, even one moved without a row", async () => {
    const reseller = await createReseller();
    await createRegistrant(reseller.id);
    // A sequence advanced by a row that is gone again: its table is empty, yet ids would not restart.
    await db.$queryRawUnsafe(`select nextval('"public"."AuditEntry_seq_seq"')`);
    const before = await leftovers();
    expect(before.rows).toEqual(expect.arrayContaining(["Reseller", "ResellerBranding", "HostName", "Registrant"]));
    expect(before.movedSequences).toContain("AuditEntry_seq_seq");

    await resetDb();
    expect(await leftovers()).toEqual({ rows: [], movedSequences: [] });
  });
});
