/**
 * Transfers in that the poll has not settled are asked about directly. The poll message with the
 * outcome can arrive before our own "pending" row commits (the losing registrar answered within
 * seconds) and is then read as "no transfer in pending"; a registry may also drop messages. Real
 * registrars query pending transfers for the same reason. Each name is asked at most once per
 * `olderThanMs`, so a long wait for the losing registrar costs one command per interval.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { callRegistry, registryClientId, RegistryRefusal } from "@/server/registry/access";
import { isAppError } from "@/server/errors";
import { applyTransferInResult, type TransferInOutcome } from "./apply-transfer-in-result";

const BATCH = 200;

async function outcomeAtRegistry(domain: { id: string; name: string; resellerId: string }) {
  const ctx = systemContext(domain.resellerId);
  try {
    const r = await callRegistry(ctx, domain, "transferDomain", { op: "query", name: domain.name });
    return r.data as TransferInOutcome;
  } catch (e) {
    // 2002/2301/2303: no transfer to report; whether it happened is the sponsor's to say. A failing
    // registry (2400, 25xx) says nothing.
    if (!(e instanceof RegistryRefusal) || e.eppCode >= 2400) throw e;
  }
  try {
    const info = await callRegistry(ctx, domain, "infoDomain", { name: domain.name, hosts: "none" });
    const ours = info.data.sponsor === (await registryClientId());
    return { status: ours ? "serverApproved" : "serverCancelled" } satisfies TransferInOutcome;
  } catch (e) {
    // The name is gone from the registry: nothing of ours was transferred.
    if (e instanceof RegistryRefusal && e.eppCode === 2303)
      return { status: "serverCancelled" } satisfies TransferInOutcome;
    throw e;
  }
}

/** Returns how many transfers were settled. Registry errors leave a name for the next round. */
export async function recheckTransfersIn(opts: { olderThanMs: number; now?: Date }): Promise<number> {
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - opts.olderThanMs);
  const due = await db.domain.findMany({
    where: {
      state: "pending_transfer_in",
      updatedAt: { lte: cutoff },
      OR: [{ lastSyncedAt: null }, { lastSyncedAt: { lte: cutoff } }],
    },
    select: { id: true, name: true, resellerId: true },
    orderBy: { updatedAt: "asc" },
    take: BATCH,
  });
  let settled = 0;
  for (const domain of due) {
    let outcome: TransferInOutcome;
    try {
      outcome = await outcomeAtRegistry(domain);
    } catch (e) {
      if (isAppError(e)) continue;
      throw e;
    }
    if (outcome.status === "pending") {
      await db.domain.updateMany({
        where: { id: domain.id, state: "pending_transfer_in" },
        data: { lastSyncedAt: now },
      });
      continue;
    }
    await applyTransferInResult(domain.name, outcome);
    settled++;
  }
  return settled;
}
