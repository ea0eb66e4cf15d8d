/**
 * npm run keys:rotate — re-encrypts stored secrets (auth codes) under the first key of DATA_KEYS, on
 * DATABASE_URL or the embedded dev database. Run it after putting a new key in front of DATA_KEYS,
 * and once after upgrading from AUTH_SECRET-keyed rows; then the old key can leave DATA_KEYS.
 */
import "../src/server-only-outside-next"; // first: lets this process load server modules outside Next
import { runOnDatabase } from "./lib/run-on-database";
import { rotateDataKeys } from "../src/server/crypto/rotate-data-keys";
import { dataKeys } from "../src/server/crypto/data-keys";

runOnDatabase(async (db) => {
  const newest = dataKeys()[0].id;
  const report = await rotateDataKeys(db);
  for (const r of report)
    console.log(
      `${r.column}: ${r.rotated} re-encrypted under "${newest}"${r.unreadable ? `, ${r.unreadable} unreadable with the keys given` : ""}`,
    );
  return report.some((r) => r.unreadable) ? 1 : 0;
});
