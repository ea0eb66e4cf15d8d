/**
 * A parked order item made directly in the database, as the fulfilment engine leaves one when its
 * retries run out with the registry's outcome unknown: the item `parked` with its wholesale cost held
 * on the reseller's balance, a finished FulfilmentRun marked uncertain, one FulfilmentAttempt per
 * try, and the registry commands sent for it (a create that never answered).
 */
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { queue } from "@/server/jobs/boss";
import { fulfilItemJob } from "@/server/fulfilment/fulfil-item-job";
import { transitionItem } from "@/server/orders/transition-item";
import { placeOrder } from "@/server/orders/place-order";
import { startOrderCheckout } from "@/server/order-payments/start-order-checkout";
import { completeTestCheckout } from "@/server/order-payments/complete-test-checkout";
import { createRegistrant, createTier, createTldProduct, fundReseller } from "../../support/factories";

export const PARKED_ATTEMPTS = 8;
export const WHOLESALE = 1_500;
/** Retail at a 50 % markup on WHOLESALE. */
export const RETAIL = 2_250;

/** The .com product (as the mock registry's operator) and billing for the reseller, once each. */
async function readyToSell(resellerId: string): Promise<void> {
  if (!(await db.product.findUnique({ where: { code: "com" } })))
    await createTldProduct("com", 1_026, { operator: "verisign-sim" });
  if (await db.resellerBilling.findUnique({ where: { resellerId } })) return;
  const tier = await createTier(`parked-${resellerId.slice(0, 6)}`, { com: WHOLESALE });
  await fundReseller(resellerId, tier.id, 100_000, { markupKind: "percent", markupValue: 5_000, rounding: "none" });
}

/** Takes the item's fulfilment job out of the queue: a parked item has none. */
async function dropFulfilmentJobs(itemId: string): Promise<void> {
  await queue();
  await db.$executeRawUnsafe(
    `delete from pgboss.job where name = $1 and data->>'itemId' = $2`,
    fulfilItemJob.name,
    itemId,
  );
}

export async function queuedFulfilmentJobs(itemId: string): Promise<number> {
  await queue();
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(
    `select count(*)::int as n from pgboss.job where name = $1 and data->>'itemId' = $2 and state = 'created'`,
    fulfilItemJob.name,
    itemId,
  );
  return rows[0].n;
}

export type ParkedItem = Awaited<ReturnType<typeof createParkedItem>>;

/**
 * A storefront registration paid by a registrant (so a refund returns their money), fulfilment
 * parked after PARKED_ATTEMPTS tries. `subject` defaults to a fresh .com name.
 */
export async function createParkedItem(resellerId: string, opts: { subject?: string } = {}) {
  await readyToSell(resellerId);
  const subject = opts.subject ?? `stuck-${randomUUID().slice(0, 8)}.com`;
  const customer = await createRegistrant(resellerId);
  const { order } = await placeOrder(customer.ctx, {
    resellerId,
    registrantId: customer.registrant.id,
    idempotencyKey: `parked-${subject}`,
    channel: "storefront",
    payment: "checkout",
    items: [
      {
        kind: "domain_register",
        productCode: "com",
        subject,
        details: { unicodeName: subject, privacy: false, nameservers: [], contactId: null },
      },
    ],
  });
  const { paymentId } = await startOrderCheckout(customer.ctx, {
    orderId: order.id,
    storefrontOrigin: "http://shop.test",
  });
  await completeTestCheckout(customer.ctx, { paymentId, outcome: "pay" });
  const item = await db.orderItem.findFirstOrThrow({ where: { orderId: order.id } });
  await dropFulfilmentJobs(item.id);

  const error = "timeout: the registry did not answer within 300 ms";
  const parkedReason = `After ${PARKED_ATTEMPTS} attempts we still do not know whether the registry carried out the request for ${subject} (last error: ${error}). Check the registry, then retry or resolve the item.`;
  const started = new Date(Date.now() - 60 * 60_000);
  await db.$transaction(async (tx) => {
    await transitionItem(tx, item.id, "provisioning", "fulfilment started");
    await tx.fulfilmentRun.create({
      data: {
        itemId: item.id,
        attempts: PARKED_ATTEMPTS,
        uncertain: true,
        startedAt: started,
        lastError: error,
        finishedAt: new Date(),
        parkedReason,
      },
    });
    await tx.fulfilmentAttempt.createMany({
      data: Array.from({ length: PARKED_ATTEMPTS }, (_, n) => ({
        itemId: item.id,
        attempt: n + 1,
        leaseToken: randomUUID(),
        mode: n === 0 ? "inline" : "job",
        startedAt: new Date(started.getTime() + n * 60_000),
        finishedAt: new Date(started.getTime() + n * 60_000 + 300),
        outcome: n + 1 === PARKED_ATTEMPTS ? "parked" : "retry",
        uncertain: true,
        error,
      })),
    });
    await tx.domainOperation.create({
      data: {
        resellerId,
        domainName: subject,
        operation: "createDomain",
        code: null,
        message: error,
        actorType: "system",
        orderItemId: item.id,
      },
    });
    await transitionItem(tx, item.id, "parked", parkedReason);
  });
  return { item, order, customer, subject, parkedReason };
}

/** A snapshot of everything a decision may change, to show an attack changed nothing. */
export async function footprint(p: { item: { id: string }; order: { id: string } }) {
  const [item, run, hold, entries, audits, jobs] = await Promise.all([
    db.orderItem.findUniqueOrThrow({ where: { id: p.item.id }, select: { state: true, updatedAt: true } }),
    db.fulfilmentRun.findUniqueOrThrow({ where: { itemId: p.item.id } }),
    db.hold.findUniqueOrThrow({ where: { orderItemId: p.item.id }, select: { status: true } }),
    db.journalEntry.count({ where: { orderId: p.order.id } }),
    db.auditEntry.count({ where: { entityId: p.item.id } }),
    queuedFulfilmentJobs(p.item.id),
  ]);
  return JSON.stringify({ item, run, hold, entries, audits, jobs });
}

/** Journal entries of one kind for the order ("capture", "refund", "release", …). */
export function entriesOfKind(orderId: string, kind: string): Promise<number> {
  return db.journalEntry.count({ where: { orderId, kind } });
}
