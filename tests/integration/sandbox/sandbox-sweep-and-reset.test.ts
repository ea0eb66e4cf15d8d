/**
 * Sandbox data does not grow forever (decision 118): the daily sweep deletes what test keys made once
 * it is 30 days old, and "Reset sandbox" empties one reseller's sandbox and restores its test money.
 * Live rows of the same age sit beside the sandbox's in every table touched, and none of them goes.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { readBalance } from "@/server/billing/get-balance";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { postEntry } from "@/server/billing/post-entry";
import { resellerAccount } from "@/server/billing/accounts";
import { SANDBOX_OPENING_BALANCE, sandboxResellerOf } from "@/server/sandbox/sandbox-tenant";
import { sweepSandboxes, SANDBOX_RETENTION_DAYS } from "@/server/sandbox/sweep-sandboxes";
import { resetSandboxAction } from "@/app/(console)/console/api-keys/sandbox-actions";
import { newSigningSecret } from "@/server/webhooks/signing-secret";
import { createDomainCatalog, createDomainReseller, createStaff, freshSessionRequest } from "../../support/factories";

const DAY_MS = 86_400_000;
const NOW = new Date();
const OLD = new Date(NOW.getTime() - (SANDBOX_RETENTION_DAYS + 1) * DAY_MS);
const RECENT = new Date(NOW.getTime() - (SANDBOX_RETENTION_DAYS - 1) * DAY_MS);

type Rows = { order: string; domain: string; contact: string; bulkJob: string; event: string; operation: bigint };

let productId: string;
beforeEach(async () => {
  await createDomainCatalog();
  productId = (await db.product.findFirstOrThrow({ where: { code: "com" } })).id;
});

/** One of everything the sweep deletes, `at` old, for `resellerId` (live or sandbox). */
async function rowsOf(
  resellerId: string,
  createdById: string,
  tag: string,
  at: Date,
  itemState: "completed" | "provisioning" = "completed",
): Promise<Rows> {
  const order = await db.order.create({
    data: {
      resellerId,
      idempotencyKey: `k-${tag}`,
      channel: "api",
      currency: "USD",
      retailTotal: 1_800,
      wholesaleTotal: 1_500,
      createdAt: at,
      items: {
        create: {
          resellerId,
          kind: "domain_register",
          productId,
          subject: `${tag}.com`,
          retailAmount: 1_800,
          wholesaleAmount: 1_500,
          registryCost: 1_000,
          state: itemState,
          transitions: { create: { toState: itemState, at } },
        },
      },
    },
    include: { items: true },
  });
  // A settled hold names the item without a cascading key: the sweep must remove it first.
  await db.hold.create({
    data: {
      resellerId,
      orderItemId: order.items[0].id,
      currency: "USD",
      amount: 1_500,
      status: itemState === "completed" ? "captured" : "held",
      createdAt: at,
      settledAt: itemState === "completed" ? at : null,
    },
  });
  const contact = await db.contact.create({
    data: {
      resellerId,
      name: "Test Person",
      email: `${tag}@example.test`,
      phone: "+44.2071234567",
      street1: "1 High Street",
      city: "London",
      postalCode: "N1 1AA",
      countryCode: "GB",
    },
  });
  const domain = await db.domain.create({
    data: {
      resellerId,
      name: `${tag}.com`,
      unicodeName: `${tag}.com`,
      tld: "com",
      state: "active",
      registrantContactId: contact.id,
      hosts: { create: { name: `ns1.${tag}.com`, addresses: ["192.0.2.1"] } },
    },
  });
  await db.$executeRaw`update "Domain" set "createdAt" = ${at}, "updatedAt" = ${at} where id = ${domain.id}`;
  await db.$executeRaw`update "Contact" set "createdAt" = ${at}, "updatedAt" = ${at} where id = ${contact.id}`;
  const bulkJob = await db.bulkJob.create({
    data: { resellerId, action: "lock", total: 1, status: "completed", createdAt: at, finishedAt: at },
  });
  const { secretEnc, secretPrefix } = newSigningSecret();
  const endpoint = await db.webhookEndpoint.create({
    data: {
      resellerId,
      url: "http://127.0.0.1:6259/hooks",
      eventTypes: ["order.completed"],
      secretEnc,
      secretPrefix,
      createdById,
    },
  });
  const event = await db.webhookEvent.create({
    data: { id: `msg_${tag}`, resellerId, type: "order.completed", dedupeKey: tag, body: "{}", createdAt: at },
  });
  await db.webhookDelivery.create({
    data: { eventId: event.id, endpointId: endpoint.id, resellerId, state: "succeeded", createdAt: at },
  });
  const operation = await db.domainOperation.create({
    data: {
      resellerId,
      domainId: domain.id,
      domainName: domain.name,
      operation: "domain:create",
      message: "Command completed successfully",
      actorType: "system",
      at,
    },
  });
  return {
    order: order.id,
    domain: domain.id,
    contact: contact.id,
    bulkJob: bulkJob.id,
    event: event.id,
    operation: operation.id,
  };
}

async function present(r: Rows): Promise<Record<keyof Rows, boolean>> {
  return {
    order: (await db.order.count({ where: { id: r.order } })) === 1,
    domain: (await db.domain.count({ where: { id: r.domain } })) === 1,
    contact: (await db.contact.count({ where: { id: r.contact } })) === 1,
    bulkJob: (await db.bulkJob.count({ where: { id: r.bulkJob } })) === 1,
    event: (await db.webhookEvent.count({ where: { id: r.event } })) === 1,
    operation: (await db.domainOperation.count({ where: { id: r.operation } })) === 1,
  };
}

const ALL = { order: true, domain: true, contact: true, bulkJob: true, event: true, operation: true };
const NONE = { order: false, domain: false, contact: false, bulkJob: false, event: false, operation: false };

async function world() {
  const live = await createDomainReseller({ slug: "sweepshop", balance: 50_000 });
  const owner = await createStaff(live.id, "owner");
  const sandbox = await sandboxResellerOf(live.id);
  return { live, owner, sandbox };
}

describe("sandbox sweep", () => {
  it("deletes sandbox rows past the retention, keeps recent and in-flight ones, and never touches live rows", async () => {
    const { live, owner, sandbox } = await world();
    const liveOld = await rowsOf(live.id, owner.ctx.actorId, "live-old", OLD);
    const sandboxOld = await rowsOf(sandbox, owner.ctx.actorId, "sandbox-old", OLD);
    const sandboxRecent = await rowsOf(sandbox, owner.ctx.actorId, "sandbox-recent", RECENT);
    const inFlight = await rowsOf(sandbox, owner.ctx.actorId, "sandbox-running", OLD, "provisioning");

    const swept = await sweepSandboxes(NOW);

    expect(await present(liveOld)).toEqual(ALL);
    expect(await present(sandboxOld)).toEqual(NONE);
    expect(await present(sandboxRecent)).toEqual(ALL);
    // The engine still owns an order whose item is being provisioned; its other old rows go.
    expect((await present(inFlight)).order).toBe(true);
    expect(swept).toMatchObject({ orders: 1, domains: 2, contacts: 2, bulkJobs: 2, webhookEvents: 2, operations: 2 });
    expect(await db.hold.count({ where: { resellerId: sandbox } })).toBe(2);
    expect(await db.host.count({ where: { name: "ns1.sandbox-old.com" } })).toBe(0);
  });
});

describe("reset sandbox", () => {
  it("empties this reseller's sandbox and restores its test money, audited, for an owner who signed in recently", async () => {
    const { live, owner, sandbox } = await world();
    const other = await createDomainReseller({ slug: "othershop" });
    const otherOwner = await createStaff(other.id, "owner");
    const otherSandbox = await sandboxResellerOf(other.id);
    const liveRows = await rowsOf(live.id, owner.ctx.actorId, "live-now", RECENT);
    const mine = await rowsOf(sandbox, owner.ctx.actorId, "mine-now", RECENT);
    const theirs = await rowsOf(otherSandbox, otherOwner.ctx.actorId, "theirs-now", RECENT);
    // Test money spent: the reset puts the balance back to where a new sandbox starts.
    await postEntry(db, {
      key: "sandbox-spent",
      kind: "manual_debit",
      resellerId: sandbox,
      lines: [
        { account: resellerAccount("reseller_available", sandbox, "USD"), amount: -2_500 },
        { account: resellerAccount("manual_adjustments", sandbox, "USD"), amount: 2_500 },
      ],
    });
    expect((await readBalance(db, sandbox)).available).toBe(SANDBOX_OPENING_BALANCE - 2_500);
    const support = await createStaff(live.id, "support");
    expect((await resetSandboxAction.run(support.ctx, {}, await freshSessionRequest(support.ctx))).ok).toBe(false);
    const stale = await resetSandboxAction.run(
      owner.ctx,
      {},
      await freshSessionRequest(owner.ctx, { signedInMinutesAgo: 30 }),
    );
    expect(stale).toMatchObject({ ok: false, code: "REAUTH_REQUIRED" });
    expect(await present(mine)).toEqual(ALL);

    const reset = await resetSandboxAction.run(owner.ctx, {}, await freshSessionRequest(owner.ctx));
    expect(reset).toMatchObject({
      ok: true,
      data: { orders: 1, domains: 1, webhookEvents: 1, balance: SANDBOX_OPENING_BALANCE },
    });

    expect(await present(mine)).toEqual(NONE);
    expect(await present(liveRows)).toEqual(ALL);
    expect(await present(theirs)).toEqual(ALL);
    // Settings stay: the sandbox's test endpoint still receives the next test event.
    expect(await db.webhookEndpoint.count({ where: { resellerId: sandbox } })).toBe(1);
    expect((await readBalance(db, sandbox)).available).toBe(SANDBOX_OPENING_BALANCE);
    expect((await readBalance(db, live.id)).available).toBe(50_000);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { resellerId: live.id, action: "sandbox.reset" } });
    expect(audit.actorId).toBe(owner.ctx.actorId);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });
});
