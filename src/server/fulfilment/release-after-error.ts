/**
 * Gives an item back when its attempt ended in an error of our own after the claim (the settle's
 * transaction, the database, a bug) instead of an outcome. Left alone, the item stayed held until
 * its lease ran out and moved again only when the stalled-items sweep found it quiet for two leases
 * (decision 142). The run keeps `uncertain` as the attempt knew it, so the next attempt asks the
 * registry before sending anything again.
 */
import { db } from "@/server/db";
import type { ProvisionItem } from "../orders/provisioner";
import type { Claim } from "./claim-item";
import { endAttempt } from "./lease";
import { enqueueFulfilment } from "./enqueue-fulfilment";
import { retryDelaySeconds } from "./settings";

export async function releaseAfterError(
  item: ProvisionItem,
  claim: Claim,
  opts: { uncertain: boolean; error: unknown },
): Promise<void> {
  const error = (opts.error instanceof Error ? opts.error.message : String(opts.error)).slice(0, 500);
  await db.$transaction(async (tx) => {
    // A run that was finished before the error (a settle committed, then the mail or the refund
    // failed) keeps its outcome; one another runner holds now is theirs.
    const { count } = await tx.fulfilmentRun.updateMany({
      where: { itemId: item.id, leaseToken: claim.token, finishedAt: null },
      data: { leasedUntil: null, uncertain: opts.uncertain, lastError: error },
    });
    if (count) await endAttempt(tx, item.id, claim.token, "retry", { uncertain: opts.uncertain, error });
    // A job's own retry comes from the queue; nobody else would run an item a person was waiting for.
    if (claim.mode === "inline") await enqueueFulfilment(tx, [item], { startAfter: retryDelaySeconds(claim.attempt) });
  });
}
