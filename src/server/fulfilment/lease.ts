/**
 * Writes that only the lease holder may make. Each runs inside the caller's transaction and throws
 * LeaseLost when the run's token is no longer the caller's (its lease ran out and another runner
 * claimed the item), which rolls the whole step back.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";

export class LeaseLost extends Error {
  constructor(itemId: string) {
    super(`Another runner took over order item ${itemId}.`);
    this.name = "LeaseLost";
  }
}

export async function updateOwnRun(
  tx: Tx,
  itemId: string,
  token: string,
  data: Prisma.FulfilmentRunUpdateManyMutationInput,
): Promise<void> {
  const { count } = await tx.fulfilmentRun.updateMany({ where: { itemId, leaseToken: token }, data });
  if (!count) throw new LeaseLost(itemId);
}

export async function endAttempt(
  tx: Tx,
  itemId: string,
  token: string,
  outcome: string,
  opts: { uncertain?: boolean; error?: string | null } = {},
): Promise<void> {
  await tx.fulfilmentAttempt.updateMany({
    where: { itemId, leaseToken: token },
    data: {
      outcome,
      finishedAt: new Date(),
      uncertain: opts.uncertain ?? false,
      error: opts.error?.slice(0, 500) ?? null,
    },
  });
}
