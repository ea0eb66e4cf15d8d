/** The one Prisma client of a process, over node-postgres (Prisma 7 driver adapter). */
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/env";

export type Db = PrismaClient;
/** A client or an interactive transaction: services accept either. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

export function createDb(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set: start the app with `npm run dev` or `npm start`, which provide one");
  return url;
}

/** Lazily created so that importing a service never opens a connection by itself. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    globalForDb.__db ??= createDb(databaseUrl());
    const value = Reflect.get(globalForDb.__db, prop);
    return typeof value === "function" ? value.bind(globalForDb.__db) : value;
  },
});
