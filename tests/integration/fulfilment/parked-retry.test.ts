import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { queue } from "@/server/jobs/boss";
import { getRegistry } from "@/server/registry/access";
import { fulfilItemJob } from "@/server/fulfilment/fulfil-item-job";
import { retryParkedItem } from "@/server/fulfilment/parked/retry-parked-item";
import { retryParkedAction } from "@/app/(console)/console/needs-attention/actions";
import { createReseller, createStaff, startInProcessRegistry, type TestRegistry } from "../../support/factories";
import { clearFulfilmentQueue } from "../domains/fulfilment/helpers";
import { createParkedItem, entriesOfKind, PARKED_ATTEMPTS, queuedFulfilmentJobs } from "./parked-fixture";

let reg: TestRegistry | undefined;
// Jobs other test files left in this worker's queue would crowd this file's fetches out.
beforeEach(clearFulfilmentQueue);
afterEach(async () => {
  await reg?.close();
  reg = undefined;
});

async function world() {
  const reseller = await createReseller();
  const owner = await createStaff(reseller.id, "owner");
  const parked = await createParkedItem(reseller.id);
  return { reseller, owner, parked };
}

/** Runs the queued fulfilment job of the item as the worker would. */
async function runQueuedJob(itemId: string): Promise<void> {
  const boss = await queue();
  const jobs = await boss.fetch<{ itemId: string }>(fulfilItemJob.name, { batchSize: 10 });
  const mine = jobs.filter((j) => j.data.itemId === itemId);
  expect(mine).toHaveLength(1);
  await fulfilItemJob.handler(mine[0].data);
  await boss.complete(fulfilItemJob.name, mine[0].id);
}

describe("retrying a parked item", () => {
  it("puts it back to provisioning with one fulfilment job, a fresh attempt budget, and the doubt kept", async () => {
    const { reseller, owner, parked } = await world();
    expect(await queuedFulfilmentJobs(parked.item.id)).toBe(0);

    const r = await retryParkedAction.run(owner.ctx, {
      itemId: parked.item.id,
      note: "Registry was down all morning.",
    });
    expect(r).toEqual({ ok: true, data: { itemId: parked.item.id, outcome: "retried" } });

    const item = await db.orderItem.findUniqueOrThrow({ where: { id: parked.item.id } });
    expect(item.state).toBe("provisioning");
    expect(await queuedFulfilmentJobs(parked.item.id)).toBe(1);
    expect(await db.fulfilmentRun.findUniqueOrThrow({ where: { itemId: parked.item.id } })).toMatchObject({
      attempts: 0,
      parkedReason: null,
      finishedAt: null,
      leaseToken: null,
      leasedUntil: null,
      // The next attempt must ask the registry before sending the create again.
      uncertain: true,
    });
    // Nothing was charged or returned: the money waits for the outcome.
    expect((await db.hold.findUniqueOrThrow({ where: { orderItemId: parked.item.id } })).status).toBe("held");
    expect(await db.fulfilmentAttempt.count({ where: { itemId: parked.item.id } })).toBe(PARKED_ATTEMPTS);
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityId: parked.item.id, action: "order_item.parked.retry" },
    });
    expect(audit).toMatchObject({ actorId: owner.user.id, resellerId: reseller.id });
    expect(audit.after).toMatchObject({ state: "provisioning", note: "Registry was down all morning." });
  });

  it("is refused a second time: the item is no longer parked", async () => {
    const { owner, parked } = await world();
    await retryParkedItem(owner.ctx, parked.item.id);
    const again = await retryParkedAction.run(owner.ctx, { itemId: parked.item.id, note: "" });
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await queuedFulfilmentJobs(parked.item.id)).toBe(1);
  });

  it("asks the registry first, finds the create that went through, and completes without creating twice", async () => {
    reg = startInProcessRegistry();
    const { owner, parked } = await world();
    // The create the parked attempts sent did reach the registry; only its answer was lost.
    await (
      await getRegistry()
    )
      .forDomain(parked.subject)
      .createDomain({ name: parked.subject, years: 1, authInfo: "Lost-Answer-1" });
    const before = await db.domainOperation.count({ where: { orderItemId: parked.item.id } });

    await retryParkedItem(owner.ctx, parked.item.id, {
      note: "Looks created at the registry; let the platform check.",
    });
    await runQueuedJob(parked.item.id);

    const item = await db.orderItem.findUniqueOrThrow({ where: { id: parked.item.id } });
    expect(item.state).toBe("completed");
    expect(await entriesOfKind(parked.order.id, "capture")).toBe(1);
    const sent = await db.domainOperation.findMany({
      where: { orderItemId: parked.item.id },
      orderBy: { id: "asc" },
      skip: before,
    });
    expect(sent[0]?.operation).toBe("infoDomain");
    expect(sent.filter((o) => o.operation === "createDomain")).toEqual([]);
    expect(reg.admin.domains("platform").filter((d) => d.name === parked.subject)).toHaveLength(1);
    expect(await db.domain.count({ where: { name: parked.subject, state: "active" } })).toBe(1);
  });
});
