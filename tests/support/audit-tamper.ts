/**
 * What someone with superuser access to the database can do behind the append-only trigger: replica
 * mode skips triggers for one transaction. Tests use it to prove the chain check still notices.
 */
import { db } from "@/server/db";
import type { Tx } from "@/server/db";

export async function asSuperuserBypassingTriggers(work: (tx: Tx) => Promise<unknown>): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`set local session_replication_role = replica`;
    await work(tx);
  });
}
