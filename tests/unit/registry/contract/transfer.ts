import { expect, it } from "vitest";
import type { ContractEnv } from "../../../support/epp-test-registry";
import { dialectOf, drainPoll, expectEpp, makeComDomain, makeHost } from "./helpers";

/** A .com name of the platform's, old enough (61 days) to be transferred. */
async function transferable(env: ContractEnv): Promise<string> {
  const name = await makeComDomain(env.platform, "move-me-123");
  env.admin.advanceClock({ days: 61 });
  await drainPoll(env.platform);
  return name;
}

export function transferContract(env: () => ContractEnv): void {
  it("refuses transfers within 60 days of creation where the registry holds the lock", async () => {
    const name = await makeComDomain(env().platform, "move-me-123");
    const request = env().rival.transferDomain({ op: "request", name, authInfo: "move-me-123" });
    if (dialectOf(env()).transferLock === "registry") await expectEpp(request, 2106, /60 days/);
    else expect((await request).code).toBe(1001);
  });

  it("refuses transfers without or with a wrong auth code, and to the sponsor itself", async () => {
    const name = await makeComDomain(env().platform, "move-me-123");
    env().admin.advanceClock({ days: 61 });
    await expectEpp(env().rival.transferDomain({ op: "request", name }), 2201, /Authorization info is required/);
    await expectEpp(env().rival.transferDomain({ op: "request", name, authInfo: "wrong-code" }), 2202);
    await expectEpp(
      env().platform.transferDomain({ op: "request", name, authInfo: "move-me-123" }),
      2002,
      /already sponsors/,
    );
    await expectEpp(env().rival.transferDomain({ op: "query", name }), 2002, /no transfer history/);
  });

  it("moves a domain to the gaining registrar when the losing registrar approves", async () => {
    const e = env();
    const name = await transferable(e);
    const host = await makeHost(e.platform, `ns1.${name}`, ["192.0.2.10"]);
    const req = await e.rival.transferDomain({ op: "request", name, authInfo: "move-me-123" });
    expect(req.code).toBe(1001);
    expect(req.data).toMatchObject({ status: "pending", requestedBy: "rival", actionBy: "platform" });
    expect((await e.platform.infoDomain({ name })).data.statuses).toContain("pendingTransfer");
    await expectEpp(e.rival.transferDomain({ op: "request", name, authInfo: "move-me-123" }), 2300);
    await expectEpp(e.platform.updateDomain({ name, add: { statuses: ["clientHold"] } }), 2304);
    await expectEpp(e.rival.transferDomain({ op: "approve", name }), 2201);
    expect((await e.platform.transferDomain({ op: "query", name })).data.status).toBe("pending");
    expect(await drainPoll(e.platform)).toEqual([
      { message: "Transfer requested.", kind: "transfer", name, status: "pending" },
    ]);
    const approved = await e.platform.transferDomain({ op: "approve", name });
    expect(approved.data.status).toBe("clientApproved");
    const info = await e.rival.infoDomain({ name });
    expect(info.data).toMatchObject({
      sponsor: "rival",
      expiresAt: "2028-06-01T00:00:00.000Z",
      rgpStatuses: ["transferPeriod"],
      subordinateHosts: [host],
    });
    expect(info.data.authInfo).not.toBe("move-me-123");
    expect((await e.rival.infoHost({ name: host })).data.sponsor).toBe("rival");
    expect(await drainPoll(e.rival)).toEqual([
      { message: "Transfer approved.", kind: "transfer", name, status: "clientApproved" },
    ]);
    await expectEpp(e.platform.updateDomain({ name, authInfo: "mine-again" }), 2201);
  });

  it("auto-approves a pending transfer after five days and tells both registrars", async () => {
    const e = env();
    const name = await transferable(e);
    await e.rival.transferDomain({ op: "request", name, authInfo: "move-me-123" });
    e.admin.advanceClock({ days: 4 });
    expect((await e.rival.transferDomain({ op: "query", name })).data.status).toBe("pending");
    e.admin.advanceClock({ days: 1 });
    expect((await e.rival.transferDomain({ op: "query", name })).data.status).toBe("serverApproved");
    expect((await e.rival.infoDomain({ name })).data.sponsor).toBe("rival");
    expect((await drainPoll(e.platform)).map((m) => m.status)).toEqual(["pending", "serverApproved"]);
    expect((await drainPoll(e.rival)).map((m) => m.status)).toEqual(["serverApproved"]);
  });

  it("lets the losing registrar reject and the gaining registrar cancel", async () => {
    const e = env();
    const name = await transferable(e);
    await e.rival.transferDomain({ op: "request", name, authInfo: "move-me-123" });
    await expectEpp(e.platform.transferDomain({ op: "cancel", name }), 2201, /not the initiator/);
    expect((await e.platform.transferDomain({ op: "reject", name })).data.status).toBe("clientRejected");
    await expectEpp(e.platform.transferDomain({ op: "reject", name }), 2301);
    await e.rival.transferDomain({ op: "request", name, authInfo: "move-me-123" });
    expect((await e.rival.transferDomain({ op: "cancel", name })).data.status).toBe("clientCancelled");
    expect((await e.platform.infoDomain({ name })).data.sponsor).toBe("platform");
    expect((await drainPoll(e.rival)).map((m) => m.status)).toEqual(["clientRejected"]);
  });

  it("cancels the auto-renewal year when a name transfers during auto-renew grace", async () => {
    const e = env();
    const name = await makeComDomain(e.platform, "move-me-123");
    e.admin.advanceClock({ days: 366 });
    expect((await e.platform.infoDomain({ name })).data.expiresAt).toBe("2028-06-01T00:00:00.000Z");
    await e.rival.transferDomain({ op: "request", name, authInfo: "move-me-123" });
    await e.platform.transferDomain({ op: "approve", name });
    expect((await e.rival.infoDomain({ name })).data.expiresAt).toBe("2028-06-01T00:00:00.000Z");
  });

  it("keeps transfer-prohibited names where they are (2304)", async () => {
    const e = env();
    const name = await transferable(e);
    await e.platform.updateDomain({ name, add: { statuses: ["clientTransferProhibited"] } });
    await expectEpp(e.rival.transferDomain({ op: "request", name, authInfo: "move-me-123" }), 2304);
  });
}
