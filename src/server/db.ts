/** The one Prisma client of a process, over node-postgres (Prisma 7 driver adapter), and the pool under it. */
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/env";
import { invalidateOnLocalWrites } from "@/server/cache/local-writes";

export type Db = PrismaClient;
/** A client or an interactive transaction: services accept either. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

type Handle = { client: PrismaClient; pool: pg.Pool };

const globalForDb = globalThis as unknown as { __dbHandle?: Handle };
const poolOfClient = new WeakMap<object, pg.Pool>();

// Prisma stores DateTime as `timestamp` without a zone, in UTC; `pg` would read one in the process's
// zone. Prisma's own queries bring their own parsers, so this applies to raw queries on the pool only.
const TIMESTAMP_OID = 1114;
const parseUtc = (v: string) => new Date(`${v.replace(" ", "T")}Z`);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID && format !== "binary"
      ? parseUtc
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function open(connectionString: string): Handle {
  const pool = new pg.Pool({ connectionString, max: 10, types });
  const client = invalidateOnLocalWrites(
    new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }),
  );
  poolOfClient.set(client, pool);
  return { pool, client };
}

export function createDb(connectionString: string): PrismaClient {
  return open(connectionString).client;
}

function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set: start the app with `npm run dev` or `npm start`, which provide one");
  return url;
}

const current = (): Handle => (globalForDb.__dbHandle ??= open(databaseUrl()));

/** Lazily created so that importing a service never opens a connection by itself. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const { client } = current();
    // Disconnecting ends the pool too: the next use opens both afresh (tests and scripts reconnect).
    if (prop === "$disconnect")
      return async () => {
        if (globalForDb.__dbHandle?.client === client) globalForDb.__dbHandle = undefined;
        await client.$disconnect();
      };
    const value = Reflect.get(client, prop);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * The `pg` pool under `db` (same connections, same limit). The order engine's hot path sends its
 * one-statement steps here, skipping Prisma's per-call work (docs/decisions/102-engine-on-raw-sql.md);
 * everything else goes through `db`. Values come back as `pg` parses them (zone-less timestamps as
 * UTC, above): cast counts to `int` in the SQL, or they come back as strings. A query with a constant text may carry a `name`: `pg` then
 * prepares it once per connection.
 */
export function sqlPool(): pg.Pool {
  return current().pool;
}

/**
 * The pool under `q` when `q` is a client rather than an interactive transaction: a call that is one
 * statement, atomic on its own, may then skip Prisma (a transaction's statements must stay on its
 * connection, so they go through `q`).
 */
export function poolOf(q: Tx): pg.Pool | null {
  if (q === db) return sqlPool();
  return poolOfClient.get(q) ?? null;
}
