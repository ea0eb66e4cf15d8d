import { expect, it } from "vitest";
import type { ContractEnv } from "../../../support/epp-test-registry";
import { drainPoll, expectEpp, makeComDomain, makeHost, makeOrgDomain } from "./helpers";

const REPORT = {
  preData: "Name was registered to the customer",
  postData: "Name is registered to the customer again",
  deletedAt: "2026-08-01T00:00:00.000Z",
  restoredAt: "2026-08-02T00:00:00.000Z",
  reason: "Registrant error.",
  statements: [
    "The information is accurate to the best of our knowledge.",
    "The restore is not for a new registrant.",
  ] as [string, string],
};

export function lifecycleContract(env: () => ContractEnv): void {
  it("purges a name deleted inside the add grace period and refunds it", async () => {
    const e = env();
    const before = e.admin.balance("platform");
    const name = await makeComDomain(e.platform);
    const del = await e.platform.deleteDomain({ name });
    expect(del.code).toBe(1000);
    expect(del.data).toEqual({ pending: false, credits: [{ amount: -1026, currency: "USD" }] });
    expect(e.admin.balance("platform")).toBe(before);
    const { data } = await e.platform.checkDomains({ names: [name] });
    expect(data[0].available).toBe(true);
  });

  it("sends a later delete into redemption, and restores it with a request and a report", async () => {
    const e = env();
    const name = await makeOrgDomain(e);
    e.admin.advanceClock({ days: 6 });
    const del = await e.platform.deleteDomain({ name });
    expect(del.code).toBe(1001);
    const info = await e.platform.infoDomain({ name });
    expect(info.data.statuses).toContain("pendingDelete");
    expect(info.data.rgpStatuses).toEqual(["redemptionPeriod"]);
    await expectEpp(e.platform.reportRestore({ name, report: REPORT }), 2304);
    await expectEpp(e.rival.restoreDomain({ name }), 2201);
    const req = await e.platform.restoreDomain({ name });
    expect(req.data.rgpStatus).toBe("pendingRestore");
    expect((await e.platform.infoDomain({ name })).data.rgpStatuses).toEqual(["pendingRestore"]);
    await e.platform.reportRestore({ name, report: REPORT });
    const restored = await e.platform.infoDomain({ name });
    expect(restored.data.statuses).not.toContain("pendingDelete");
    expect(restored.data.rgpStatuses).toEqual([]);
  });

  it("returns a restore without report to redemption, then pendingDelete, then purges with a poll message", async () => {
    const e = env();
    const name = await makeComDomain(e.platform);
    e.admin.advanceClock({ days: 6 });
    await e.platform.deleteDomain({ name });
    await e.platform.restoreDomain({ name });
    e.admin.advanceClock({ days: 8 });
    expect((await e.platform.infoDomain({ name })).data.rgpStatuses).toEqual(["redemptionPeriod"]);
    e.admin.advanceClock({ days: 23 });
    expect((await e.platform.infoDomain({ name })).data.rgpStatuses).toEqual(["pendingDelete"]);
    await expectEpp(e.platform.restoreDomain({ name }), 2304, /not eligible for restore/);
    e.admin.advanceClock({ days: 5 });
    await expectEpp(e.platform.infoDomain({ name }), 2303);
    expect(await drainPoll(e.platform)).toContainEqual({
      message: "Domain was purged after its deletion.",
      kind: "pendingAction",
      name,
      status: undefined,
    });
  });

  it("auto-renews at expiry with a poll message and an auto-renew grace period", async () => {
    const e = env();
    const name = await makeComDomain(e.platform);
    e.admin.advanceClock({ days: 365 });
    const info = await e.platform.infoDomain({ name });
    expect(info.data.expiresAt).toBe("2028-06-01T00:00:00.000Z");
    expect(info.data.rgpStatuses).toEqual(["autoRenewPeriod"]);
    const polls = await drainPoll(e.platform);
    expect(polls).toContainEqual({ message: "Domain was auto-renewed.", kind: "renewal", name, status: undefined });
    e.admin.advanceClock({ days: 46 });
    expect((await e.platform.infoDomain({ name })).data.rgpStatuses).toEqual([]);
  });

  it("refuses to delete a domain that has subordinate hosts (2305) or a delete-prohibited one (2304)", async () => {
    const e = env();
    const name = await makeComDomain(e.platform);
    await makeHost(e.platform, `ns1.${name}`, ["192.0.2.1", "2001:db8::1"]);
    await expectEpp(e.platform.deleteDomain({ name }), 2305);
    await e.platform.deleteHost({ name: `ns1.${name}` });
    await e.platform.updateDomain({ name, add: { statuses: ["clientDeleteProhibited"] } });
    await expectEpp(e.platform.deleteDomain({ name }), 2304);
    await expectEpp(e.rival.deleteDomain({ name }), 2201);
  });
}
