import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { verifyLedger } from "@/server/billing/verify-ledger";
import {
  createDomainCatalog,
  createDomainReseller,
  createRegistrant,
  ensureRegistrar,
  startInProcessRegistry,
  type TestRegistry,
} from "../../../support/factories";
import { buyAsRegistrant, clearFulfilmentQueue, drainFulfilment, queuedItemIds } from "./helpers";

let reg: TestRegistry | undefined;
beforeEach(clearFulfilmentQueue);
afterEach(async () => {
  await reg?.close();
  reg = undefined;
});

async function setup(opts: Parameters<typeof startInProcessRegistry>[0] = {}) {
  await createDomainCatalog();
  await ensureRegistrar();
  const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
  const { ctx, registrant } = await createRegistrant(reseller.id);
  reg = startInProcessRegistry(opts);
  return { reseller, ctx, registrant };
}

async function itemsOf(orderId: string) {
  return db.orderItem.findMany({ where: { orderId }, include: { hold: true }, orderBy: { subject: "asc" } });
}

describe("domain order fulfilment", () => {
  it("registers two names after payment: one job per item enqueued with the payment, holds captured, domains active", async () => {
    const { ctx } = await setup();
    const order = await buyAsRegistrant(ctx, {
      idempotencyKey: "order-key-0001",
      items: [
        { name: "first-pick.com", kind: "register", years: 2, privacy: false },
        { name: "second-pick.org", kind: "register", years: 1, privacy: true },
      ],
    });
    expect((await queuedItemIds()).sort()).toEqual((await itemsOf(order.id)).map((i) => i.id).sort());
    await drainFulfilment();
    const items = await itemsOf(order.id);
    expect(items.map((i) => [i.kind, i.state])).toEqual([
      ["domain_register", "completed"],
      ["domain_register", "completed"],
      ["privacy", "completed"],
    ]);
    expect(items.filter((i) => i.kind === "domain_register").every((i) => i.hold?.status === "captured")).toBe(true);
    const com = await db.domain.findUniqueOrThrow({ where: { name: "first-pick.com" } });
    expect(com).toMatchObject({ state: "active", registrantId: ctx.actorId, privacy: false });
    expect(com.expiresAt?.toISOString().slice(0, 10)).toBe("2028-06-01");
    expect(com.authInfoEnc).toBeTruthy();
    const org = await db.domain.findUniqueOrThrow({ where: { name: "second-pick.org" } });
    expect(org.privacy).toBe(true);
    expect(org.registrantContactId).toBeTruthy();
    // The registry has them, sponsored by us; .org got the registrant contact as admin and, bought with
    // privacy, the proxy service's object as registrant.
    const info = await reg?.registry.store.domains.get("second-pick.org");
    expect(info?.clID).toBe("platform");
    expect(info?.registrant).toMatch(/^PP-[0-9a-f]{12}$/);
    expect(info?.contacts.find((c) => c.type === "admin")?.id).toMatch(/^p[0-9a-f]{13}$/);
    const ops = await db.domainOperation.findMany({ where: { domainId: com.id } });
    expect(ops.map((o) => [o.operation, o.code])).toContainEqual(["createDomain", 1000]);
    expect(JSON.stringify(ops.map((o) => o.detail))).not.toMatch(/"authInfo":"(?!\*\*\*)/);
    const mail = await db.outboxMail.findMany({ where: { kind: "order.finished" } });
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toContain("is complete");
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("ends in one completed order and one charge when the registry times out after creating", async () => {
    const { ctx } = await setup();
    const order = await buyAsRegistrant(ctx, {
      idempotencyKey: "order-key-0002",
      items: [{ name: "lost-answer.com", kind: "register", years: 1, privacy: false }],
    });
    // The create takes effect at the registry, but its answer never comes back.
    reg?.admin.setFaults("com", { timeoutAfterCommit: 1 });
    await drainFulfilment({ betweenRuns: () => reg?.admin.clearFaults() });
    const [item] = await itemsOf(order.id);
    // The first attempt ended unsure and queued a retry; the second asked the registry and finished.
    const attempts = await db.fulfilmentAttempt.findMany({ where: { itemId: item.id }, orderBy: { attempt: "asc" } });
    expect(attempts.map((a) => [a.outcome, a.uncertain])).toEqual([
      ["retry", true],
      ["completed", false],
    ]);
    expect(item.failureReason).toBeNull();
    expect(item.state).toBe("completed");
    expect(item.hold?.status).toBe("captured");
    const ops = await db.domainOperation.findMany({ where: { domainName: "lost-answer.com" }, orderBy: { id: "asc" } });
    expect(ops.map((o) => o.operation).filter((o) => o.endsWith("Domain"))).toEqual([
      "createDomain",
      "infoDomain",
      "updateDomain",
    ]);
    expect(ops[ops.length - 3]).toMatchObject({
      operation: "createDomain",
      code: null,
      message: expect.stringMatching(/^timeout/),
    });
    expect(await db.domain.count({ where: { name: "lost-answer.com", state: "active" } })).toBe(1);
    const captures = await db.journalEntry.count({ where: { orderId: order.id, kind: "capture" } });
    expect(captures).toBe(1);
    expect(await db.payment.count({ where: { orderId: order.id, status: "succeeded" } })).toBe(1);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("refunds when the name is taken between the check and the create", async () => {
    const { ctx } = await setup();
    const order = await buyAsRegistrant(ctx, {
      idempotencyKey: "order-key-0003",
      items: [{ name: "raced-name.com", kind: "register", years: 1, privacy: true }],
    });
    await reg?.rival.createDomain({ name: "raced-name.com", authInfo: "Rival-Auth-123!" });
    await drainFulfilment();
    const items = await itemsOf(order.id);
    expect(items.map((i) => [i.kind, i.state])).toEqual([
      ["domain_register", "refunded"],
      ["privacy", "refunded"],
    ]);
    expect(items[0].failureReason).toMatch(/registered by someone else/i);
    expect(items[0].hold?.status).toBe("released");
    expect(await db.domain.count({ where: { name: "raced-name.com" } })).toBe(0);
    const mail = await db.outboxMail.findFirstOrThrow({ where: { kind: "order.finished" } });
    expect(mail.textBody).toMatch(/refunded/);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("registers a name in a TLD that requires DNSSEC undelegated, so the registry accepts it", async () => {
    const { ctx } = await setup();
    const order = await buyAsRegistrant(ctx, {
      idempotencyKey: "order-key-0007",
      items: [{ name: "secure-one.app", kind: "register", years: 1, privacy: false }],
    });
    await drainFulfilment();
    const [item] = await itemsOf(order.id);
    expect(item.state).toBe("completed");
    expect((await db.domain.findUniqueOrThrow({ where: { name: "secure-one.app" } })).nameservers).toEqual([]);
  });

  it("returns the same order for the same idempotency key", async () => {
    const { ctx } = await setup();
    const input = {
      idempotencyKey: "order-key-0004",
      items: [{ name: "twice-clicked.com", kind: "register" as const, years: 1, privacy: false }],
    };
    const [a, b] = await Promise.all([buyAsRegistrant(ctx, input), buyAsRegistrant(ctx, input)]);
    const c = await buyAsRegistrant(ctx, input);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(await db.order.count()).toBe(1);
    await drainFulfilment();
    expect(await db.domain.count()).toBe(1);
  });

  it("sends the claims acceptance with the create for a name in its claims period", async () => {
    const { ctx } = await setup();
    const { prepareCheckout } = await import("@/server/domains/checkout/prepare-checkout");
    const { CLAIMS_LIST } = await import("@/mock-registry/config/claims-list");
    const label = Object.keys(CLAIMS_LIST)[0];
    const items = [{ name: `${label}.vista`, kind: "register" as const, years: 1, privacy: false }];
    const [line] = await prepareCheckout(ctx, { resellerId: ctx.resellerId, items });
    expect(line.claims?.noticeId).toMatch(/^[0-9a-f]{8}\d{19}$/);
    await expect(buyAsRegistrant(ctx, { idempotencyKey: "order-key-0005", items })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { [`claims:${line.name}`]: expect.stringMatching(/trademark notice/) },
    });
    const order = await buyAsRegistrant(ctx, {
      idempotencyKey: "order-key-0006",
      items,
      claimsAccepted: { [line.name]: line.claims?.noticeId ?? "" },
    });
    await drainFulfilment();
    const [item] = await itemsOf(order.id);
    expect(item.state).toBe("completed");
    expect(reg?.registry.store.domains.get(line.name)?.clID).toBe("platform");
  });
});
