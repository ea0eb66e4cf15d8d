/**
 * Enqueues a job inside the caller's transaction (the outbox pattern): if the transaction rolls
 * back, the job never existed; if it commits, the worker will run it.
 */
import type { Tx } from "@/server/db";
import { queue } from "./boss";

export type EnqueueOptions = { startAfter?: Date | number; singletonKey?: string; retryLimit?: number };

export async function enqueueJob(
  tx: Tx,
  name: string,
  data: object,
  opts: EnqueueOptions = {},
): Promise<string | null> {
  const boss = await queue();
  const executor = {
    executeSql: async (text: string, values: unknown[]) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values),
    }),
  };
  return boss.send(name, data, { ...opts, db: executor });
}
