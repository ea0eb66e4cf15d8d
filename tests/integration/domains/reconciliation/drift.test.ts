import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { describeOperation } from "@/server/domains/manage/registry-words";
import { runReconciliation } from "@/server/domains/reconcile/run-reconciliation";
import { createLifecycleWorld, createManagedDomain, type LifecycleWorld } from "../../../support/factories";

let world: LifecycleWorld;
beforeEach(async () => {
  world = await createLifecycleWorld();
});
afterEach(async () => world.close());

describe("nightly reconciliation", () => {
  it("finds no drift when our records match the registry", async () => {
    await createManagedDomain(world, { resellerId: world.reseller.id });
    const run = await runReconciliation();
    expect(run).toMatchObject({ checked: 1, drifted: 0, errors: 0 });
  });

  it("reports and repairs a wrong expiry, missing statuses and a name transferred away behind our back", async () => {
    const a = await createManagedDomain(world, { resellerId: world.reseller.id });
    const b = await createManagedDomain(world, { resellerId: world.reseller.id });
    const c = await createManagedDomain(world, { resellerId: world.reseller.id });
    await db.domain.update({ where: { id: a.id }, data: { expiresAt: new Date("2030-01-01T00:00:00Z") } });
    world.admin.setServerStatuses(b.name, { add: ["serverHold"] });
    // c leaves while we do not hear about it: the rival takes it with its auth code and the registry approves.
    world.admin.advanceClock({ days: 61 });
    const authInfo = (await world.platform.infoDomain({ name: c.name })).data.authInfo ?? "";
    await world.rival.transferDomain({ op: "request", name: c.name, authInfo });
    await world.platform.transferDomain({ op: "approve", name: c.name });

    const run = await runReconciliation();
    expect(run).toMatchObject({ checked: 3, drifted: 3, repaired: 3 });
    const findings = await db.driftFinding.findMany({ where: { runId: run.runId } });
    expect(findings.map((f) => `${f.domainName}:${f.field}`).sort()).toEqual(
      [`${a.name}:expiry`, `${b.name}:status`, `${c.name}:sponsor`].sort(),
    );
    expect((await db.domain.findUniqueOrThrow({ where: { id: a.id } })).expiresAt?.toISOString()).toBe(
      a.expiresAt?.toISOString(),
    );
    expect((await db.domain.findUniqueOrThrow({ where: { id: b.id } })).registryStatuses).toContain("serverHold");
    expect((await db.domain.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("transferred_away");
    expect((await db.reconciliationRun.findUniqueOrThrow({ where: { id: run.runId } })).status).toBe("completed");
    // The info that found it is in the domain's history, under the port's name, with the drift.
    const [op] = await db.domainOperation.findMany({ where: { domainId: a.id } });
    expect(op).toMatchObject({
      operation: "infoDomain",
      code: 1000,
      svTRID: expect.any(String),
      detail: {
        reconciliation: { runId: run.runId, repaired: true, drift: [expect.objectContaining({ field: "expiry" })] },
      },
    });
    expect(describeOperation(op.operation, op.detail)).toBe("Nightly check: our records corrected (expiry)");
    expect(await runReconciliation()).toMatchObject({ checked: 2, drifted: 0 });
  });

  it("reports without repairing when asked for a dry run", async () => {
    const a = await createManagedDomain(world, { resellerId: world.reseller.id });
    await db.domain.update({ where: { id: a.id }, data: { expiresAt: new Date("2030-01-01T00:00:00Z") } });
    const run = await runReconciliation({ repair: false });
    expect(run).toMatchObject({ drifted: 1, repaired: 0 });
    expect((await db.domain.findUniqueOrThrow({ where: { id: a.id } })).expiresAt?.toISOString()).toBe(
      "2030-01-01T00:00:00.000Z",
    );
  });
});
