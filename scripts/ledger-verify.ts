/**
 * npm run ledger:verify — checks the ledger of DATABASE_URL (or the embedded dev database): every
 * entry balances, cached balances equal their lines, holds agree with their orders. Prints what it
 * found; exits 1 on any fault.
 */
import { resolveDatabase } from "./db/resolve";
import { createDb } from "../src/server/db";
import { verifyLedger } from "../src/server/billing/verify-ledger";

async function main(): Promise<number> {
  const { url, cluster } = await resolveDatabase();
  const db = createDb(url);
  try {
    const report = await verifyLedger(db);
    const c = report.counts;
    console.log(`checked ${c.entries} entries, ${c.lines} lines, ${c.accounts} accounts, ${c.holds} holds`);
    if (report.ok) {
      console.log("ledger OK: every entry balances, cached balances match their lines, holds agree with their orders");
      return 0;
    }
    console.error(`ledger FAULTS (${report.faults.length}):`);
    for (const f of report.faults) console.error(`  [${f.check}] ${f.detail}`);
    return 1;
  } finally {
    await db.$disconnect();
    await cluster?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
