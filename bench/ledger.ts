/**
 * npm run bench -- ledger
 * Hold-and-capture throughput through the real ledger code (placeHold then captureHold: each one
 * call of the database function ledger_post through Prisma, so two transactions per operation), on
 * one reseller and spread over 100, beside a bare PostgreSQL baseline measured in the same run: per
 * transaction, lock a row, update it, insert a line (raw `pg`, two transactions per operation).
 * The real code does more per operation than the baseline models: the hold locks and updates the
 * reseller's available balance and writes an entry, two lines and a hold; the capture locks and
 * updates no balance, settles the hold and writes an entry and four lines
 * (docs/decisions/075-ledger-posting-function.md). Runs in a throwaway database on DATABASE_URL's
 * server, or on an embedded cluster of its own.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../scripts/db/migrations";
import { createDb, type Db } from "../src/server/db";
import { systemContext } from "../src/server/context";
import { openResellerBilling } from "../src/server/billing/open-reseller-billing";
import { placeHold } from "../src/server/billing/place-hold";
import { captureHold } from "../src/server/billing/settle-hold";
import { postEntry } from "../src/server/billing/post-entry";
import { verifyLedger } from "../src/server/billing/verify-ledger";
import { baselineRate, pooled } from "./_ledger-baseline";
import { benchFunding, openBenchDatabase } from "./_bench-database";

const OPS = Number(process.env.BENCH_LEDGER_OPS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_LEDGER_CONCURRENCY ?? 10);
const POOL = 10;

type Item = { id: string; orderId: string; resellerId: string };

const baselineRateWith = (pool: pg.Pool, rows: number, count: number) => baselineRate(pool, rows, count, CONCURRENCY);
const run = (count: number, op: (i: number) => Promise<void>) => pooled(count, CONCURRENCY, op);

async function setup(db: Db, resellers: number): Promise<string[]> {
  const product = await db.product.create({
    data: { kind: "domain", code: `b${randomUUID().slice(0, 6)}`, name: "bench", registryOperator: "bench-registry" },
  });
  const tier = await db.wholesaleTier.create({ data: { name: `bench-${randomUUID().slice(0, 6)}` } });
  await db.wholesalePrice.create({
    data: { tierId: tier.id, productId: product.id, operation: "register", currency: "USD", amount: 1_000 },
  });
  const ids: string[] = [];
  for (let i = 0; i < resellers; i++) {
    const r = await db.reseller.create({
      data: { slug: `bench-${randomUUID().slice(0, 8)}`, legalName: "Bench", displayName: "Bench" },
    });
    await db.$transaction((tx) => openResellerBilling(tx, systemContext(), { resellerId: r.id, tierId: tier.id }));
    await db.$transaction((tx) => postEntry(tx, benchFunding(r.id)));
    ids.push(r.id);
  }
  (setup as unknown as { productId: string }).productId = product.id;
  return ids;
}

async function makeItems(db: Db, resellerIds: string[], count: number): Promise<Item[]> {
  const productId = (setup as unknown as { productId: string }).productId;
  const items: Item[] = [];
  const orders = resellerIds.map((resellerId) => ({
    id: randomUUID(),
    resellerId,
    idempotencyKey: randomUUID(),
    currency: "USD",
    retailTotal: 0,
    wholesaleTotal: 0,
    createdAt: new Date(Date.now() - 60_000),
  }));
  await db.order.createMany({ data: orders });
  for (let i = 0; i < count; i++) {
    const o = orders[i % orders.length];
    items.push({ id: randomUUID(), orderId: o.id, resellerId: o.resellerId });
  }
  await db.orderItem.createMany({
    data: items.map((i) => ({
      id: i.id,
      orderId: i.orderId,
      resellerId: i.resellerId,
      kind: "domain_register" as const,
      productId,
      subject: "bench",
      retailAmount: 1_299,
      wholesaleAmount: 1_000,
      registryCost: 800,
      state: "completed" as const,
    })),
  });
  return items;
}

async function ledgerRate(db: Db, items: Item[]): Promise<number> {
  return run(items.length, async (i) => {
    const it = items[i];
    // Each call is one SQL statement, atomic on its own: the same code runs inside placeOrder's transaction.
    await placeHold(db, {
      resellerId: it.resellerId,
      orderItemId: it.id,
      orderId: it.orderId,
      amount: 1_000,
      currency: "USD",
    });
    await captureHold(
      db,
      it.id,
      it.orderId,
      { amount: 800, currency: "USD", operator: "bench-registry" },
      { resellerId: it.resellerId, amount: 1_000, currency: "USD" },
    );
  });
}

export default async function ledgerBench(): Promise<Record<string, unknown>> {
  const database = await openBenchDatabase("ledger");
  const url = database.url;
  const db = createDb(url);
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  try {
    await applyMigrations(url);
    const resellers = await setup(db, 100);
    console.log(
      `ledger bench: ${OPS} hold-and-capture operations per scenario, ${CONCURRENCY} concurrent, pool ${POOL}`,
    );
    await ledgerRate(db, await makeItems(db, resellers.slice(0, 1), 200)); // warm-up
    await baselineRateWith(pool, 1, 200);

    const baseOne = await baselineRateWith(pool, 1, OPS);
    const one = await ledgerRate(db, await makeItems(db, resellers.slice(0, 1), OPS));
    const baseSpread = await baselineRateWith(pool, 100, OPS);
    const spread = await ledgerRate(db, await makeItems(db, resellers, OPS));
    const report = await verifyLedger(db);

    const fmt = (n: number) => n.toFixed(0).padStart(6);
    console.log(
      `one reseller     ledger ${fmt(one)} ops/s   baseline ${fmt(baseOne)} ops/s   ratio ${(one / baseOne).toFixed(2)}`,
    );
    console.log(
      `100 resellers    ledger ${fmt(spread)} ops/s   baseline ${fmt(baseSpread)} ops/s   ratio ${(spread / baseSpread).toFixed(2)}`,
    );
    console.log(
      `ledger verify after the run: ${report.ok ? "clean" : `${report.faults.length} faults`} (${report.counts.entries} entries)`,
    );
    return {
      ops: OPS,
      concurrency: CONCURRENCY,
      oneReseller: {
        ledgerOpsPerSec: Math.round(one),
        baselineOpsPerSec: Math.round(baseOne),
        ratio: Number((one / baseOne).toFixed(3)),
      },
      hundredResellers: {
        ledgerOpsPerSec: Math.round(spread),
        baselineOpsPerSec: Math.round(baseSpread),
        ratio: Number((spread / baseSpread).toFixed(3)),
      },
      goalRatio: 0.7,
      ledgerClean: report.ok,
    };
  } finally {
    await pool.end();
    await db.$disconnect();
    await database.close();
  }
}
