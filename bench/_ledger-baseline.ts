/**
 * Shared by the ledger and domains benchmarks: a worker pool that runs `count` operations, and the
 * bare-PostgreSQL baseline of a hold-and-capture (two transactions that each lock a balance row,
 * update it and insert a line), measured in the same run as what it is compared with.
 */
import pg from "pg";

export async function pooled(count: number, concurrency: number, op: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await op(next++);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

/**
 * Hold-and-capture pairs per second on `rows` balance rows (1 = all on one reseller). `between`, when
 * given, runs between each pair's two transactions (the domains bench's floor: one registry command).
 */
export async function baselineRate(
  pool: pg.Pool,
  rows: number,
  count: number,
  concurrency: number,
  between?: (i: number) => Promise<void>,
): Promise<number> {
  await pool.query("create table if not exists bench_balance (id int primary key, balance bigint not null)");
  await pool.query(
    "create table if not exists bench_line (id bigserial primary key, account int not null, amount bigint not null)",
  );
  await pool.query("truncate bench_balance, bench_line");
  await pool.query("insert into bench_balance select g, 1000000000 from generate_series(0, $1 - 1) g", [rows]);
  const tx = async (account: number, amount: number) => {
    const c = await pool.connect();
    try {
      await c.query("begin");
      await c.query("select balance from bench_balance where id = $1 for update", [account]);
      await c.query("update bench_balance set balance = balance + $2 where id = $1", [account, amount]);
      await c.query("insert into bench_line (account, amount) values ($1, $2)", [account, amount]);
      await c.query("commit");
    } finally {
      c.release();
    }
  };
  return pooled(count, concurrency, async (i) => {
    await tx(i % rows, -1_000);
    if (between) await between(i);
    await tx(i % rows, 1_000);
  });
}
