/**
 * The fulfilment dispatcher (DESIGN §5): runs one order item's provisioner and settles the result.
 * completed → hold captured, records written; pending_registry → waits for the registry;
 * failed → hold released and the item refunded. Transient registry trouble is thrown back to the
 * job queue, which retries with backoff and jitter; the attempt that follows a timeout is marked
 * uncertain so the provisioner asks the registry before acting again.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { EppError, RegistryTransportError } from "@/server/registry";
import { getRegistry, recordingRouter } from "@/server/domains/registry-access";
import { describeRegistryResult } from "@/server/domains/manage/registry-words";
import { failItem, startProvisioning } from "@/server/orders/complete-item";
import { refundItem } from "@/server/orders/refund-item";
import type { OrderItemState } from "@/generated/prisma/enums";
import { ProvisionLater, type ProvisionItem, type ProvisionResult } from "./provisioner";
import { PROVISIONERS } from "./provisioners";
import { settleResult } from "./settle-result";
import { notifyIfOrderFinished } from "./notify-order-finished";

/** After this many attempts a registry that keeps failing ends the item (refunded). */
export const MAX_ATTEMPTS = 8;
const LEASE_MS = 5 * 60_000;

async function loadItem(itemId: string): Promise<ProvisionItem | null> {
  return db.orderItem.findUnique({
    where: { id: itemId },
    include: {
      order: { select: { id: true, resellerId: true, registrantId: true, currency: true, createdAt: true } },
      product: { select: { code: true, name: true, registryOperator: true, dnssec: true } },
    },
  });
}

/** Claims the item for this runner; null when another runner holds it. */
async function claim(item: ProvisionItem) {
  return db.$transaction(async (tx) => {
    if (item.state === "paid") await startProvisioning(tx, item.id);
    await tx.fulfilmentRun.upsert({ where: { itemId: item.id }, create: { itemId: item.id }, update: {} });
    const now = new Date();
    const got = await tx.fulfilmentRun.updateMany({
      where: { itemId: item.id, finishedAt: null, OR: [{ leasedUntil: null }, { leasedUntil: { lt: now } }] },
      data: { leasedUntil: new Date(now.getTime() + LEASE_MS), attempts: { increment: 1 } },
    });
    return got.count ? tx.fulfilmentRun.findUniqueOrThrow({ where: { itemId: item.id } }) : null;
  });
}

function isTransient(e: unknown): e is Error {
  return e instanceof RegistryTransportError || e instanceof ProvisionLater || (e instanceof EppError && e.retryable);
}

export async function runFulfilment(itemId: string): Promise<OrderItemState | "missing" | "busy"> {
  const item = await loadItem(itemId);
  if (!item) return "missing";
  // A refund that failed after the item failed, or that the payment provider did not confirm, is
  // finished here; refundItem never posts or pays twice. The registrant's mail waited for it.
  if (item.state === "failed" || item.state === "refunding") {
    await refundItem(itemId, item.failureReason ?? "refunded");
    await notifyIfOrderFinished(item.orderId);
    return "refunded";
  }
  if (item.state !== "paid" && item.state !== "provisioning") return item.state;
  const run = await claim(item);
  if (!run) return "busy";
  const provision = PROVISIONERS[item.kind];
  let result: ProvisionResult;
  if (!provision) {
    result = { status: "failed", reason: `We cannot fulfil ${item.kind.replaceAll("_", " ")} items yet.` };
  } else {
    const registry = recordingRouter(await getRegistry(), {
      resellerId: item.resellerId,
      actor: systemContext(item.resellerId),
      orderItemId: item.id,
      domainName: item.subject,
    });
    try {
      result = await provision({
        item: { ...item, state: "provisioning" },
        attempt: run.attempts,
        uncertain: run.uncertain,
        startedAt: run.startedAt,
        registry,
      });
    } catch (e) {
      if (e instanceof EppError && !e.retryable) {
        result = { status: "failed", reason: describeRegistryResult(e.code, e.eppMessage) };
      } else if (isTransient(e)) {
        const uncertain = run.uncertain || (e instanceof RegistryTransportError && e.mayHaveTakenEffect);
        await db.fulfilmentRun.update({
          where: { itemId },
          data: { uncertain, lastError: e.message.slice(0, 500), leasedUntil: null },
        });
        if (run.attempts < MAX_ATTEMPTS) throw e;
        result = { status: "failed", reason: `The registry could not be reached after ${run.attempts} attempts.` };
      } else {
        await db.fulfilmentRun.update({
          where: { itemId },
          data: { lastError: (e as Error).message?.slice(0, 500) ?? "error", leasedUntil: null },
        });
        throw e;
      }
    }
  }
  return settleResult(item, result);
}

/** Marks an item failed and refunds it, for paths that end before a provisioner runs. */
export async function failAndRefund(itemId: string, reason: string): Promise<void> {
  await db.$transaction((tx) => failItem(tx, itemId, reason));
  await refundItem(itemId, reason);
}
