/**
 * The shape of a one-shot command on DATABASE_URL (or the embedded dev database): run `work` with a
 * client, always disconnect and stop what was started, and exit with its code (2 on an error).
 */
import { resolveDatabase } from "../db/resolve";
import { createDb, type Db } from "../../src/server/db";

export function runOnDatabase(work: (db: Db) => Promise<number>): void {
  const run = async () => {
    const { url, cluster } = await resolveDatabase();
    const db = createDb(url);
    try {
      return await work(db);
    } finally {
      await db.$disconnect();
      await cluster?.stop();
    }
  };
  run().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(2);
    },
  );
}
