/**
 * Nightly reconciliation checks a sandbox's names with the sandbox registry, not the live one
 * (decision 126): the live registry has never heard of them, and comparing there would mark every
 * test name deleted. Drift at the sandbox registry is still found and repaired like live drift.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { runReconciliation } from "@/server/domains/reconcile/run-reconciliation";
import { RegistryRouter } from "@/server/registry";
import { setSandboxRegistryForTests } from "@/server/registry/access";
import { sandboxResellerOf } from "@/server/sandbox/sandbox-tenant";
import { inProcessEnv, type ContractEnv } from "../../support/epp-test-registry";
import { createLifecycleWorld, createManagedDomain, type LifecycleWorld } from "../../support/factories";

let world: LifecycleWorld;
let sandbox: ContractEnv;
beforeEach(async () => {
  world = await createLifecycleWorld();
  sandbox = await inProcessEnv();
  setSandboxRegistryForTests(new RegistryRouter({ byTld: {}, fallback: sandbox.platform }), "platform");
});
afterEach(async () => {
  setSandboxRegistryForTests(null);
  await sandbox.close();
  await world.close();
});

describe("reconciliation of sandbox names", () => {
  it("compares a sandbox's names with the sandbox registry and live names with the live one", async () => {
    const shadow = await sandboxResellerOf(world.reseller.id);
    const live = await createManagedDomain(world, { resellerId: world.reseller.id });
    const test = await createManagedDomain(sandbox, { resellerId: shadow });

    expect(await runReconciliation()).toMatchObject({ checked: 2, drifted: 0, errors: 0 });
    expect(await db.domain.findUniqueOrThrow({ where: { id: test.id } })).toMatchObject({ state: "active" });

    sandbox.admin.setServerStatuses(test.name, { add: ["serverHold"] });
    const run = await runReconciliation();
    expect(run).toMatchObject({ checked: 2, drifted: 1, repaired: 1 });
    const findings = await db.driftFinding.findMany({ where: { runId: run.runId } });
    expect(findings.map((f) => `${f.domainName}:${f.field}`)).toEqual([`${test.name}:status`]);
    expect((await db.domain.findUniqueOrThrow({ where: { id: test.id } })).registryStatuses).toContain("serverHold");
    expect((await db.domain.findUniqueOrThrow({ where: { id: live.id } })).state).toBe("active");
  });
});
