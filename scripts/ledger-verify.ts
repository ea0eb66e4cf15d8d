/**
 * npm run ledger:verify — checks the ledger of DATABASE_URL (or the embedded dev database): every
 * entry balances, cached balances equal their lines, holds agree with their orders. Prints what it
 * found; exits 1 on any fault.
 */
import "../src/server-only-outside-next"; // first: lets this process load server modules outside Next
import { runOnDatabase } from "./lib/run-on-database";
import { verifyLedger } from "../src/server/billing/verify-ledger";

runOnDatabase(async (db) => {
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
});
