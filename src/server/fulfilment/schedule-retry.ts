/**
 * Ends an attempt that met transient trouble: the lease is given back, what the attempt may have
 * changed is remembered (`uncertain`), and the next attempt is queued after the backoff, all in one
 * transaction so a retry exists if and only if the attempt's end was recorded.
 */
import { db } from "@/server/db";
import type { ProvisionItem } from "../orders/provisioner";
import type { Claim } from "./claim-item";
import { endAttempt, updateOwnRun } from "./lease";
import { enqueueFulfilment } from "./enqueue-fulfilment";
import { retryDelaySeconds } from "./settings";

export async function scheduleRetry(
  item: ProvisionItem,
  claim: Claim,
  opts: { uncertain: boolean; error: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await updateOwnRun(tx, item.id, claim.token, {
      leasedUntil: null,
      uncertain: opts.uncertain,
      lastError: opts.error.slice(0, 500),
    });
    await endAttempt(tx, item.id, claim.token, "retry", { uncertain: opts.uncertain, error: opts.error });
    await enqueueFulfilment(tx, [item], { startAfter: retryDelaySeconds(claim.attempt) });
  });
}
