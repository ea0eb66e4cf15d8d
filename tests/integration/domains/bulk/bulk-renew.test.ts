import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createBulkJob, namesFromCsv } from "@/server/domains/bulk/create-bulk-job";
import { runBulkJob } from "@/server/domains/bulk/run-bulk-job";
import { getBulkJobOrThrow } from "@/server/domains/bulk/get-bulk-job";
import {
  createLifecycleWorld,
  createManagedDomain,
  createReseller,
  createStaff,
  type LifecycleWorld,
} from "../../../support/factories";

let world: LifecycleWorld;
beforeEach(async () => {
  world = await createLifecycleWorld();
});
afterEach(async () => world.close());

describe("bulk actions", () => {
  it("renews 20 names as one job with a result per name and the registry's code", async () => {
    const { ctx } = await createStaff(world.reseller.id, "owner");
    const domains = [];
    for (let i = 0; i < 20; i++)
      domains.push(await createManagedDomain(world, { resellerId: world.reseller.id, name: `bulk-${i}.com` }));
    const { id } = await createBulkJob(ctx, { action: "renew", names: domains.map((d) => d.name), years: 1 });
    await runBulkJob(id);
    const job = await getBulkJobOrThrow(ctx, id);
    expect(job).toMatchObject({ status: "completed", total: 20, done: 20, succeeded: 20, failed: 0 });
    expect(
      job.items.every((i) => i.status === "succeeded" && i.code === 1000 && /Renewed for 1 year/.test(i.message)),
    ).toBe(true);
    for (const d of domains) {
      const info = await world.platform.infoDomain({ name: d.name });
      expect(new Date(info.data.expiresAt ?? 0).getUTCFullYear()).toBe((d.expiresAt?.getUTCFullYear() ?? 0) + 1);
    }
    expect(await db.orderItem.count({ where: { kind: "domain_renew", state: "completed" } })).toBe(20);
  });

  it("fails names that are not the reseller's own, with a reason, and still runs the rest", async () => {
    const { ctx } = await createStaff(world.reseller.id, "owner");
    const other = await createReseller();
    const theirs = await createManagedDomain(world, { resellerId: other.id, name: "someone-else.com" });
    const ours = await createManagedDomain(world, { resellerId: world.reseller.id, name: "ours.com" });
    const { id } = await createBulkJob(ctx, {
      action: "lock",
      names: namesFromCsv(`domain\n${ours.name}\n${theirs.name}\n`),
      source: "csv",
    });
    await runBulkJob(id);
    const job = await getBulkJobOrThrow(ctx, id);
    expect(job).toMatchObject({ total: 2, done: 2, succeeded: 1, failed: 1 });
    expect(job.items.find((i) => i.domainName === theirs.name)).toMatchObject({
      status: "failed",
      message: "Not a domain of this account.",
    });
    expect((await world.platform.infoDomain({ name: theirs.name })).data.statuses).not.toContain(
      "clientTransferProhibited",
    );
    expect((await world.platform.infoDomain({ name: ours.name })).data.statuses).toContain("clientTransferProhibited");
  });

  it("sets the same name servers on several names, reporting a registry refusal per name", async () => {
    const { ctx } = await createStaff(world.reseller.id, "owner");
    const a = await createManagedDomain(world, { resellerId: world.reseller.id });
    const b = await createManagedDomain(world, { resellerId: world.reseller.id });
    world.admin.setServerStatuses(b.name, { add: ["serverUpdateProhibited"] });
    const { id } = await createBulkJob(ctx, {
      action: "nameservers",
      names: [a.name, b.name],
      nameservers: "ns1.dns-host.dev\nns2.dns-host.dev",
    });
    await runBulkJob(id);
    const job = await getBulkJobOrThrow(ctx, id);
    expect(job.items.find((i) => i.domainName === a.name)).toMatchObject({ status: "succeeded", code: 1000 });
    expect(job.items.find((i) => i.domainName === b.name)).toMatchObject({ status: "failed", code: 2304 });
  });
});
