/**
 * Issue 8's orphan cases: each ends with one domain at the registry, one charge and no refund, or
 * parked for a person (never refunded on a guess). The registry is the in-process mock; the faults
 * that the mock has no switch for (a reply we cannot read, a runner that dies) are made by wrapping
 * the platform's ports.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { getRegistry, setRegistryForTests } from "@/server/registry/access";
import { RegistryRouter, RegistryTransportError, type RegistryPort } from "@/server/registry";
import { attemptItem } from "@/server/fulfilment/attempt-item";
import { claimItem } from "@/server/fulfilment/claim-item";
import { LeaseLost } from "@/server/fulfilment/lease";
import { settleResult } from "@/server/fulfilment/settle-result";
import {
  createDomainCatalog,
  createDomainReseller,
  createRegistrant,
  startInProcessRegistry,
  type TestRegistry,
} from "../../support/factories";
import { buyAsRegistrant, clearFulfilmentQueue, drainFulfilment } from "../domains/fulfilment/helpers";

type Override = (original: (input: never) => Promise<unknown>, input: never) => Promise<unknown>;

let reg: TestRegistry | undefined;
let original: RegistryRouter | undefined;

beforeEach(async () => {
  await clearFulfilmentQueue();
  await createDomainCatalog();
  reg = startInProcessRegistry();
  original = await getRegistry();
});
afterEach(async () => {
  await reg?.close();
  reg = undefined;
});

/** The platform's ports with some commands replaced; `restore()` puts the real ones back. */
function sabotage(overrides: Partial<Record<keyof RegistryPort, Override>>) {
  const base = original as RegistryRouter;
  const wrap = (port: RegistryPort) =>
    new Proxy(port, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as (input: never) => Promise<unknown>;
        const override = overrides[prop as keyof RegistryPort];
        return override ? (input: never) => override(value.bind(target), input) : value;
      },
    });
  const router = Object.assign(Object.create(RegistryRouter.prototype) as RegistryRouter, {
    forTld: (tld: string) => wrap(base.forTld(tld)),
    forDomain: (name: string) => wrap(base.forDomain(name)),
    checkDomains: (names: string[], years?: number) => base.checkDomains(names, years),
    close: async () => {},
  });
  setRegistryForTests(router, "platform");
  return { restore: () => setRegistryForTests(base, "platform") };
}

const lostAnswer = () => new RegistryTransportError("timeout", "No response from the registry within 300 ms.", true);

async function buy(name: string) {
  const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
  const { ctx } = await createRegistrant(reseller.id);
  const order = await buyAsRegistrant(ctx, {
    idempotencyKey: `uncertain-${name}`,
    items: [{ name, kind: "register", years: 1, privacy: false }],
  });
  const item = await db.orderItem.findFirstOrThrow({ where: { orderId: order.id } });
  return { order, item };
}

/** One domain ours at the registry and here, one capture, no refund, a clean ledger. */
async function expectOneDomainOneCharge(name: string, orderId: string) {
  const atRegistry = reg?.admin.domains("platform").filter((d) => d.name === name) ?? [];
  expect(atRegistry).toHaveLength(1);
  expect(await db.domain.count({ where: { name, state: "active" } })).toBe(1);
  const item = await db.orderItem.findFirstOrThrow({ where: { orderId }, include: { hold: true } });
  expect(item.state).toBe("completed");
  expect(item.hold?.status).toBe("captured");
  expect(await db.journalEntry.count({ where: { orderId, kind: "capture" } })).toBe(1);
  expect(await db.journalEntry.count({ where: { orderId, kind: "refund" } })).toBe(0);
  expect((await verifyLedger(db)).faults).toEqual([]);
}

describe("fulfilment when the registry's answer is uncertain", () => {
  it("a success reply that fails our shape check is treated as 'may have happened', not as refused", async () => {
    const { order } = await buy("odd-reply.com");
    let first = true;
    const s = sabotage({
      createDomain: async (real, input) => {
        await real(input);
        if (!first) return real(input);
        first = false;
        // What the EPP adapter throws when a 1000 reply does not parse as a create result.
        throw new RegistryTransportError("protocol", "Registry response to createDomain did not match", false);
      },
    });
    await drainFulfilment();
    s.restore();
    await expectOneDomainOneCharge("odd-reply.com", order.id);
  });

  it("a runner killed after the create and before settling is taken over, and the create is not repeated", async () => {
    const { order, item } = await buy("killed-runner.com");
    let creates = 0;
    const s = sabotage({
      createDomain: async (real, input) => {
        creates++;
        const answer = await real(input);
        if (creates > 1) return answer;
        // The runner dies here: its attempt never ends.
        return new Promise(() => {});
      },
    });
    void attemptItem(item.id, "job");
    await expect.poll(() => reg?.admin.domains("platform").some((d) => d.name === "killed-runner.com")).toBe(true);
    // Its lease runs out; the stalled-items sweep or the queue's expiry hands the item to a new runner.
    await db.fulfilmentRun.update({ where: { itemId: item.id }, data: { leasedUntil: new Date(Date.now() - 1000) } });
    expect(await attemptItem(item.id, "job")).toMatchObject({ kind: "settled", state: "completed" });
    s.restore();
    expect(creates).toBe(1);
    await expectOneDomainOneCharge("killed-runner.com", order.id);
  });

  it("an uncertain item whose info keeps failing is parked, not refunded; a person's retry then completes it", async () => {
    const { order, item } = await buy("maintenance.com");
    const s = sabotage({
      createDomain: async (real, input) => {
        await real(input);
        throw lostAnswer();
      },
      infoDomain: async () => {
        throw lostAnswer();
      },
    });
    await drainFulfilment();
    s.restore();
    const parked = await db.orderItem.findUniqueOrThrow({ where: { id: item.id }, include: { hold: true } });
    expect(parked.state).toBe("parked");
    expect(parked.hold?.status).toBe("held");
    const run = await db.fulfilmentRun.findUniqueOrThrow({ where: { itemId: item.id } });
    expect(run.parkedReason).toMatch(/do not know whether the registry carried out/);
    expect(await db.fulfilmentAttempt.count({ where: { itemId: item.id } })).toBe(8);
    expect(await db.journalEntry.count({ where: { orderId: order.id, kind: "refund" } })).toBe(0);
    expect(await db.outboxMail.count({ where: { kind: "order.finished" } })).toBe(0);

    // A person checks and retries (the console's Retry does this): the next attempt asks the registry.
    await db.$transaction(async (tx) => {
      await tx.orderItem.update({ where: { id: item.id }, data: { state: "provisioning" } });
      await tx.fulfilmentRun.update({
        where: { itemId: item.id },
        data: { attempts: 0, finishedAt: null, parkedReason: null },
      });
    });
    expect(await attemptItem(item.id, "job")).toMatchObject({ kind: "settled", state: "completed" });
    await expectOneDomainOneCharge("maintenance.com", order.id);
  });

  it("a runner whose lease was taken over cannot settle the item", async () => {
    const { order, item } = await buy("fenced.com");
    const loaded = await db.orderItem.findUniqueOrThrow({
      where: { id: item.id },
      include: { order: true, product: true },
    });
    const stale = await claimItem(loaded, "job", 60_000);
    expect(stale).not.toBeNull();
    await db.fulfilmentRun.update({ where: { itemId: item.id }, data: { leasedUntil: new Date(Date.now() - 1000) } });
    expect(await attemptItem(item.id, "job")).toMatchObject({ kind: "settled", state: "completed" });
    // The first runner wakes up believing the create failed: its settle is refused and changes nothing.
    await expect(
      settleResult({ ...loaded, state: "provisioning" }, { status: "failed", reason: "stale" }, stale!.token),
    ).rejects.toBeInstanceOf(LeaseLost);
    await expectOneDomainOneCharge("fenced.com", order.id);
  });

  it("a create answered 2302 for a name we created and forgot is recognised by its sponsor and kept", async () => {
    const { order, item } = await buy("forgotten.com");
    let first = true;
    const s = sabotage({
      createDomain: async (real, input) => {
        const answer = await real(input);
        if (!first) return answer;
        first = false;
        throw lostAnswer();
      },
    });
    expect(await attemptItem(item.id, "job")).toMatchObject({ kind: "retry" });
    // Whatever the reason (an older runner, a restored backup), the run no longer knows it sent a create.
    await db.fulfilmentRun.update({ where: { itemId: item.id }, data: { uncertain: false } });
    expect(await attemptItem(item.id, "job")).toMatchObject({ kind: "settled", state: "completed" });
    s.restore();
    const ops = await db.domainOperation.findMany({ where: { orderItemId: item.id }, orderBy: { id: "asc" } });
    expect(ops.filter((o) => o.operation === "createDomain").map((o) => o.code)).toEqual([null, 2302]);
    await expectOneDomainOneCharge("forgotten.com", order.id);
  });
});
