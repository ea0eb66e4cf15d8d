/**
 * Enqueues a job inside the caller's transaction (the outbox pattern): if the transaction rolls
 * back, the job never existed; if it commits, the worker will run it.
 */
import type { Tx } from "@/server/db";
import { queue } from "./boss";
import type { JobDefinition } from "./define-job";
import { ensureQueue } from "./ensure-queue";

export type EnqueueOptions = { startAfter?: Date | number; singletonKey?: string };

export async function enqueueJob<P>(
  tx: Tx,
  def: JobDefinition<P>,
  data: NoInfer<P>,
  opts: EnqueueOptions = {},
): Promise<string | null> {
  const payload = def.payload.parse(data);
  const singletonKey = opts.singletonKey ?? def.singletonKey?.(payload);
  const boss = await queue();
  await ensureQueue(boss, def as JobDefinition<never>);
  const executor = {
    executeSql: async (text: string, values: unknown[]) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values),
    }),
  };
  return boss.send(def.name, payload as object, { ...opts, ...(singletonKey ? { singletonKey } : {}), db: executor });
}
