/**
 * npm run db:migrate | db:migrate:create -- NAME | db:reset | db:seed | db:check
 * Works on DATABASE_URL, or on the embedded cluster when it is not set.
 */
import "../src/server-only-outside-next"; // first: lets this process load server modules outside Next
import { applyMigrations, createMigration, pendingSchemaChange } from "./db/migrations";
import { dropDatabase, ensureDatabase, splitDatabaseUrl } from "./db/embedded";
import { resolveDatabase } from "./db/resolve";

const [command, arg] = process.argv.slice(2);

async function main(): Promise<number> {
  const { url, cluster } = await resolveDatabase();
  try {
    if (command === "create") {
      if (!arg) throw new Error("usage: npm run db:migrate:create -- NAME");
      const dir = await createMigration(arg, url);
      console.log(dir ? `created ${dir}` : "schema and migrations agree: nothing to create");
      return 0;
    }
    if (command === "check") {
      const sql = await pendingSchemaChange(url);
      if (!sql.trim()) {
        console.log("schema and migrations agree");
        return 0;
      }
      console.error("prisma/schema differs from the migrations; run npm run db:migrate:create -- NAME\n" + sql);
      return 1;
    }
    if (command === "reset") {
      const { serverUrl, database } = splitDatabaseUrl(url);
      await dropDatabase(serverUrl, database);
      await ensureDatabase(serverUrl, database);
    }
    if (command === "migrate" || command === "reset") {
      const applied = await applyMigrations(url);
      console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
    }
    if (command === "seed" || command === "reset") {
      const { runSeed } = await import("../prisma/seed");
      await runSeed(url);
      console.log("seeded");
    }
    if (!["migrate", "reset", "seed"].includes(command ?? "")) {
      console.error("usage: tsx scripts/db.ts migrate|create NAME|reset|seed|check");
      return 2;
    }
    return 0;
  } finally {
    await cluster?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
