/**
 * `npm run keys:rotate`: re-encrypts every stored secret that is not under the newest data key
 * (including legacy AUTH_SECRET-keyed rows), in batches by id. Idempotent: rows already under the
 * newest key are never read, and each update is conditional on the old text, so a secret changed
 * meanwhile (an auth code reset) is left as its writer left it. A secret no key opens is counted.
 */
import type { Tx } from "@/server/db";
import { currentSealPrefix, openSecret, sealSecret } from "./sealed-secret";

type Row = { id: string; sealed: string };

/** Each place a sealed secret is stored: read a batch still under an older key, write one back. */
type SealedColumn = {
  name: string;
  batch: (db: Tx, prefix: string, after: string, size: number) => Promise<Row[]>;
  write: (db: Tx, row: Row, sealed: string) => Promise<number>;
};

const COLUMNS: SealedColumn[] = [
  {
    name: "Domain.authInfoEnc",
    batch: (db, prefix, after, size) =>
      db.$queryRaw<Row[]>`SELECT id, "authInfoEnc" AS sealed FROM "Domain"
        WHERE "authInfoEnc" IS NOT NULL AND NOT starts_with("authInfoEnc", ${prefix}) AND id > ${after} ORDER BY id LIMIT ${size}`,
    write: (db, row, sealed) =>
      db.$executeRaw`UPDATE "Domain" SET "authInfoEnc" = ${sealed} WHERE id = ${row.id} AND "authInfoEnc" = ${row.sealed}`,
  },
  {
    name: "OrderItem.details.authCodeEnc",
    batch: (db, prefix, after, size) =>
      db.$queryRaw<Row[]>`SELECT id, details->>'authCodeEnc' AS sealed FROM "OrderItem"
        WHERE details ? 'authCodeEnc' AND NOT starts_with(details->>'authCodeEnc', ${prefix}) AND id > ${after} ORDER BY id LIMIT ${size}`,
    write: (db, row, sealed) =>
      db.$executeRaw`UPDATE "OrderItem" SET details = jsonb_set(details, '{authCodeEnc}', to_jsonb(${sealed}::text))
        WHERE id = ${row.id} AND details->>'authCodeEnc' = ${row.sealed}`,
  },
  {
    name: "User.totpSecret",
    batch: (db, prefix, after, size) =>
      db.$queryRaw<Row[]>`SELECT id, "totpSecret" AS sealed FROM "User"
        WHERE "totpSecret" IS NOT NULL AND NOT starts_with("totpSecret", ${prefix}) AND id > ${after} ORDER BY id LIMIT ${size}`,
    write: (db, row, sealed) =>
      db.$executeRaw`UPDATE "User" SET "totpSecret" = ${sealed} WHERE id = ${row.id} AND "totpSecret" = ${row.sealed}`,
  },
  {
    name: "RegistrantTotp.secret",
    batch: (db, prefix, after, size) =>
      db.$queryRaw<Row[]>`SELECT "registrantId" AS id, secret AS sealed FROM "RegistrantTotp"
        WHERE NOT starts_with(secret, ${prefix}) AND "registrantId" > ${after} ORDER BY "registrantId" LIMIT ${size}`,
    write: (db, row, sealed) =>
      db.$executeRaw`UPDATE "RegistrantTotp" SET secret = ${sealed} WHERE "registrantId" = ${row.id} AND secret = ${row.sealed}`,
  },
];

export type RotationReport = { column: string; rotated: number; unreadable: number }[];

export async function rotateDataKeys(db: Tx, opts: { batchSize?: number } = {}): Promise<RotationReport> {
  const size = opts.batchSize ?? 500;
  const prefix = currentSealPrefix();
  const report: RotationReport = [];
  for (const column of COLUMNS) {
    let rotated = 0;
    let unreadable = 0;
    let after = "";
    for (;;) {
      const rows = await column.batch(db, prefix, after, size);
      for (const row of rows) {
        const plain = openSecret(row.sealed);
        if (plain === null) unreadable++;
        else rotated += await column.write(db, row, sealSecret(plain));
      }
      if (rows.length < size) break;
      after = rows[rows.length - 1].id;
    }
    report.push({ column: column.name, rotated, unreadable });
  }
  return report;
}
