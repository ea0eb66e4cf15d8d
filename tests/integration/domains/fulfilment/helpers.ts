/**
 * Running fulfilment in tests through the real queue: jobs are fetched from pg-boss as the worker
 * would, and a job that throws (transient registry trouble) is run again at once instead of after
 * the queue's backoff, up to `maxRuns` times.
 */
import { db } from "@/server/db";
import { queue } from "@/server/jobs/boss";
import { fulfilItemJob } from "@/server/fulfilment/fulfil-item-job";

const FULFIL_ITEM_JOB = fulfilItemJob.name;
import { runFulfilment } from "@/server/fulfilment/run-fulfilment";
import type { ActorContext } from "@/server/context";
import { placeDomainOrder, type PlaceDomainOrderInput } from "@/server/domains/checkout/place-domain-order";
import { startOrderCheckout } from "@/server/order-payments/start-order-checkout";
import { completeTestCheckout } from "@/server/order-payments/complete-test-checkout";
import type { ContactFields } from "@/lib/contact-rules";

export const CONTACT: ContactFields = {
  name: "Ada Lovelace",
  organization: "",
  email: "ada@example.org",
  phone: "+44.2071234567",
  street1: "1 High Street",
  street2: "",
  city: "London",
  state: "",
  postalCode: "SW1A 1AA",
  countryCode: "GB",
};

export async function clearFulfilmentQueue(): Promise<void> {
  await queue();
  await db.$executeRawUnsafe(`delete from pgboss.job where name = '${FULFIL_ITEM_JOB}'`);
}

export async function queuedItemIds(): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ item: string }[]>(
    `select data->>'itemId' as item from pgboss.job where name = '${FULFIL_ITEM_JOB}' and state = 'created' order by created_on`,
  );
  return rows.map((r) => r.item);
}

/** Retries the engine queued with backoff become due now, as if their wait had passed. */
async function hurryRetries(): Promise<number> {
  return db.$executeRawUnsafe(
    `update pgboss.job set start_after = now() where name = '${FULFIL_ITEM_JOB}' and state in ('created', 'retry') and start_after > now()`,
  );
}

/**
 * Fetches and runs every queued fulfilment job, including the retries the engine queued with
 * backoff (made due at once). A job that throws goes to the back of the line and runs again after
 * the others (as the queue's backoff would), up to `maxRuns` times; the errors thrown on the way are
 * returned. `betweenRuns` runs before each round of retries.
 */
export async function drainFulfilment(
  opts: { maxRuns?: number; betweenRuns?: () => void | Promise<void> } = {},
): Promise<Error[]> {
  const boss = await queue();
  const errors: Error[] = [];
  for (;;) {
    let jobs = await boss.fetch<{ itemId: string }>(FULFIL_ITEM_JOB, { batchSize: 50 });
    if (!jobs.length && (await hurryRetries())) {
      await opts.betweenRuns?.();
      jobs = await boss.fetch<{ itemId: string }>(FULFIL_ITEM_JOB, { batchSize: 50 });
    }
    if (!jobs.length) return errors;
    const line = jobs.map((job) => ({ job, runs: 0 }));
    while (line.length) {
      const next = line.shift() as (typeof line)[number];
      next.runs += 1;
      try {
        await runFulfilment(next.job.data.itemId);
        await boss.complete(FULFIL_ITEM_JOB, next.job.id);
      } catch (e) {
        errors.push(e as Error);
        if (next.runs >= (opts.maxRuns ?? 10)) throw e;
        await opts.betweenRuns?.();
        line.push(next);
      }
    }
  }
}

/** A registrant checks out and pays with the test provider, as the storefront does. */
export async function buyAsRegistrant(
  ctx: Extract<ActorContext, { kind: "registrant" }>,
  input: Omit<PlaceDomainOrderInput, "resellerId" | "nameservers" | "contact"> & { nameservers?: string[] | null },
) {
  const { order, created } = await placeDomainOrder(ctx, {
    contact: CONTACT,
    nameservers: null,
    ...input,
    resellerId: ctx.resellerId,
  });
  if (created) {
    const { paymentId } = await startOrderCheckout(ctx, {
      orderId: order.id,
      storefrontOrigin: "http://shop.localhost:3000",
    });
    await completeTestCheckout(ctx, { paymentId, outcome: "pay" });
  }
  return order;
}
