/**
 * Deletes what API sandboxes made (decision 118): orders whose items have all ended, domains and
 * contacts untouched since the cut-off (their names deleted at the sandbox registry first, decision
 * 126), finished bulk jobs, webhook events with their deliveries and attempts, and registry command
 * logs. Every statement reaches only reseller ids listed as a sandbox's shadow in "SandboxTenant" (decision 100), so a live reseller's rows cannot match,
 * whatever the caller passes. The ledger and the audit log are append-only and keep their sandbox
 * lines: test money's history stays provable. Orders still in flight (paid, provisioning, waiting
 * for the registry, parked, refunding) are kept for the engine; so are orders with certificates or
 * provider payments, which the sandbox does not make.
 */
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { deleteInBatches } from "@/server/retention/in-batches";
import { releaseSandboxName, type SandboxDomain } from "./release-sandbox-name";

const BATCH = 500;
const ENDED_ITEM_STATES = ["completed", "failed", "refunded"];

export type SandboxScope =
  /** Every sandbox (the daily sweep). */
  | { all: true }
  /** The sandbox of this live reseller (its reset). */
  | { liveResellerId: string };

type DomainsDeleted = {
  domains: number;
  /** Names deleted at the sandbox registry (decision 126). */
  namesReleased: number;
  /** Names the sandbox registry keeps in redemption until it purges them itself. */
  namesPending: number;
  /** Names the sandbox registry did not delete: their rows stay for the next sweep. */
  namesKept: number;
};

export type SandboxRowsDeleted = DomainsDeleted & {
  orders: number;
  contacts: number;
  bulkJobs: number;
  webhookEvents: number;
  operations: number;
};

/** SQL true when the reseller id in `column` (a trusted column name) is a sandbox within the scope. */
function inScope(column: string, scope: SandboxScope): Prisma.Sql {
  const which = "all" in scope ? Prisma.sql`true` : Prisma.sql`st."resellerId" = ${scope.liveResellerId}`;
  return Prisma.sql`${Prisma.raw(column)} in (select st."sandboxResellerId" from "SandboxTenant" st where ${which})`;
}

/**
 * Rows older than `before` go (`before` = now empties the scope). `keepPendingDeliveries`: a webhook
 * event with a delivery still retrying stays (the sweep), or goes with it (a reset: the person asked).
 */
export async function deleteSandboxRows(
  scope: SandboxScope,
  before: Date,
  opts: { keepPendingDeliveries: boolean },
): Promise<SandboxRowsDeleted> {
  const orders = await deleteInBatches(BATCH, () => deleteOrderBatch(scope, before));
  const { domains, namesReleased, namesPending, namesKept } = await deleteDomains(scope, before);
  const contacts = await deleteInBatches(
    BATCH,
    () => db.$executeRaw`
      delete from "Contact" where id in (
        select c.id from "Contact" c
        where ${inScope('c."resellerId"', scope)} and c."updatedAt" < ${before}
          and not exists (select 1 from "Domain" d where d."resellerId" = c."resellerId" and c.id in
            (d."registrantContactId", d."adminContactId", d."techContactId", d."billingContactId"))
        limit ${BATCH})`,
  );
  const bulkJobs = await deleteInBatches(
    BATCH,
    () => db.$executeRaw`
      delete from "BulkJob" where id in (
        select b.id from "BulkJob" b
        where ${inScope('b."resellerId"', scope)} and b."createdAt" < ${before} and b."finishedAt" is not null
        limit ${BATCH})`,
  );
  const pending = opts.keepPendingDeliveries
    ? Prisma.sql`and not exists (select 1 from "WebhookDelivery" d where d."eventId" = e.id and d.state = 'pending')`
    : Prisma.empty;
  const webhookEvents = await deleteInBatches(
    BATCH,
    () => db.$executeRaw`
      delete from "WebhookEvent" where id in (
        select e.id from "WebhookEvent" e
        where ${inScope('e."resellerId"', scope)} and e."createdAt" < ${before} ${pending}
        limit ${BATCH})`,
  );
  const operations = await deleteInBatches(
    BATCH,
    () => db.$executeRaw`
      delete from "DomainOperation" where id in (
        select o.id from "DomainOperation" o
        where ${inScope('o."resellerId"', scope)} and o."at" < ${before}
        limit ${BATCH})`,
  );
  return { orders, domains, namesReleased, namesPending, namesKept, contacts, bulkJobs, webhookEvents, operations };
}

/** One batch of ended orders with the rows that name their items without a cascading key. */
async function deleteOrderBatch(scope: SandboxScope, before: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const picked = await tx.$queryRaw<{ id: string }[]>`
      select o.id from "Order" o
      where ${inScope('o."resellerId"', scope)} and o."createdAt" < ${before}
        and not exists (select 1 from "OrderItem" i where i."orderId" = o.id
          and i.state::text not in (${Prisma.join(ENDED_ITEM_STATES)}))
        and not exists (select 1 from "OrderItem" i join "CertificateSubscription" s on s."orderItemId" = i.id
          where i."orderId" = o.id)
        and not exists (select 1 from "OrderItem" i join "CertificateRequest" r on r."orderItemId" = i.id
          where i."orderId" = o.id)
        and not exists (select 1 from "Payment" p where p."orderId" = o.id)
      order by o.id
      limit ${BATCH}
      for update of o skip locked`;
    if (!picked.length) return 0;
    const ids = picked.map((r) => r.id);
    const items = Prisma.sql`(select id from "OrderItem" where "orderId" = any(${ids}::text[]))`;
    await tx.$executeRaw`delete from "Hold" where "orderItemId" in ${items}`;
    await tx.$executeRaw`delete from "FulfilmentAttempt" where "itemId" in ${items}`;
    await tx.$executeRaw`delete from "FulfilmentRun" where "itemId" in ${items}`;
    await tx.$executeRaw`delete from "OrderNotice" where "orderId" = any(${ids}::text[])`;
    // Items and their transitions cascade.
    return tx.$executeRaw`delete from "Order" where id = any(${ids}::text[])`;
  });
}

/**
 * Domains untouched since the cut-off, a batch at a time in id order: each name is deleted at the
 * sandbox registry first (release-sandbox-name.ts), then the rows of the names it let go, with the
 * rows that name them without a cascading key. A name the registry kept keeps its row, so the next
 * sweep tries again; the id cursor moves past it, so this run ends.
 */
async function deleteDomains(scope: SandboxScope, before: Date): Promise<DomainsDeleted> {
  const out: DomainsDeleted = { domains: 0, namesReleased: 0, namesPending: 0, namesKept: 0 };
  let after = "";
  for (;;) {
    const batch = await db.$queryRaw<SandboxDomain[]>`
      select d.id, d.name, d.state, d.nameservers from "Domain" d
      where ${inScope('d."resellerId"', scope)} and d."updatedAt" < ${before} and d.id > ${after}
      order by d.id
      limit ${BATCH}`;
    if (!batch.length) return out;
    after = batch[batch.length - 1].id;
    const gone: string[] = [];
    for (const d of batch) {
      const release = await releaseSandboxName(d);
      if (release === "kept") out.namesKept++;
      else {
        gone.push(d.id);
        if (release === "pending") out.namesPending++;
        else if (d.state !== "deleted" && d.state !== "transferred_away") out.namesReleased++;
      }
    }
    if (gone.length) out.domains += await deleteDomainRows(scope, before, gone);
    if (batch.length < BATCH) return out;
  }
}

async function deleteDomainRows(scope: SandboxScope, before: Date, candidates: string[]): Promise<number> {
  return db.$transaction(async (tx) => {
    // Checked again under the lock: a domain changed since it was picked is not deleted this time.
    const picked = await tx.$queryRaw<{ id: string }[]>`
      select d.id from "Domain" d
      where d.id = any(${candidates}::text[]) and ${inScope('d."resellerId"', scope)} and d."updatedAt" < ${before}
      for update of d skip locked`;
    if (!picked.length) return 0;
    const ids = picked.map((r) => r.id);
    await tx.$executeRaw`delete from "DomainLifecycle" where "domainId" = any(${ids}::text[])`;
    await tx.$executeRaw`delete from "RegistrantChange" where "domainId" = any(${ids}::text[])`;
    await tx.$executeRaw`delete from "RenewalNotice" where "domainId" = any(${ids}::text[])`;
    // Hosts and holds cascade; registry command logs keep their rows without the link.
    return tx.$executeRaw`delete from "Domain" where id = any(${ids}::text[])`;
  });
}
