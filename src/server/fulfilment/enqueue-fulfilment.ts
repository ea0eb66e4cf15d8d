/**
 * Fulfilment starts in the transaction that makes items paid (the outbox pattern): the job exists if
 * and only if the payment was recorded. Kinds without a provisioner are left for their capability.
 */
import type { Tx } from "@/server/db";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import type { OrderItemKind } from "@/generated/prisma/enums";
import { fulfilItemJob } from "./fulfil-item-job";

/** Kinds the engine fulfils (kept beside the job so payments need not load provisioners). */
export const FULFILLED_KINDS: readonly OrderItemKind[] = [
  "domain_register",
  "domain_transfer",
  "domain_renew",
  "domain_restore",
  "privacy",
  "ssl_issue",
  "ssl_reissue",
  "tmch_mark",
  "sunrise_application",
  "landrush_application",
  "pre_registration",
];

export async function enqueueFulfilment(
  tx: Tx,
  items: { id: string; kind: OrderItemKind }[],
  opts: { startAfter?: number } = {},
): Promise<number> {
  const wanted = items.filter((i) => FULFILLED_KINDS.includes(i.kind));
  for (const i of wanted) await enqueueJob(tx, fulfilItemJob, { itemId: i.id }, { startAfter: opts.startAfter });
  return wanted.length;
}
