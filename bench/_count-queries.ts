/**
 * Counts what this process sends to PostgreSQL: every `query` call of a `pg` client is one round
 * trip; statements leave out the transaction brackets. Load-independent, unlike the rates.
 * BENCH_TRACE_SQL=1 prints the first statements (with one lane, one order's statements in order).
 */
import pg from "pg";

export function countQueries() {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let roundTrips = 0;
  let statements = 0;
  let traced = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0];
    const text = typeof q === "string" ? q : ((q as { text?: string } | undefined)?.text ?? "");
    roundTrips++;
    if (!/^\s*(begin|commit|rollback)\b/i.test(text)) statements++;
    if (process.env.BENCH_TRACE_SQL && traced++ < 60) console.log(`sql ${text.replace(/\s+/g, " ").slice(0, 160)}`);
    return original.apply(this, args);
  };
  return {
    stop() {
      proto.query = original;
      return { statements, roundTrips };
    },
  };
}
