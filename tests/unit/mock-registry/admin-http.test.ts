import { afterEach, describe, expect, it } from "vitest";
import { OBJ_URIS, startMockRegistry, type RunningMockRegistry } from "@/mock-registry";
import { FROZEN_AT, testTls } from "../../support/epp-test-registry";

let running: RunningMockRegistry | undefined;

afterEach(async () => {
  await running?.close();
});

describe("the mock registry's admin console", () => {
  it("moves the clock, switches faults and funds accounts over loopback HTTP", async () => {
    running = await startMockRegistry({ port: 0, adminPort: 0, dataDir: null, frozenAt: FROZEN_AT, tls: testTls() });
    const base = `http://127.0.0.1:${running.adminPort}`;
    const status = await (await fetch(`${base}/status`)).json();
    expect(status).toMatchObject({ now: FROZEN_AT, faults: {}, counts: { domains: 0 } });
    const moved = await (
      await fetch(`${base}/clock/advance`, { method: "POST", body: JSON.stringify({ days: 2 }) })
    ).json();
    expect(moved.now).toBe("2026-06-03T00:00:00.000Z");
    await fetch(`${base}/faults/com`, { method: "PUT", body: JSON.stringify({ latencyMs: 100 }) });
    expect(running.admin.faults()).toEqual({ com: { latencyMs: 100 } });
    await fetch(`${base}/faults`, { method: "DELETE" });
    expect(running.admin.faults()).toEqual({});
    await fetch(`${base}/accounts/rival/balance`, { method: "PUT", body: JSON.stringify({ balance: 1234 }) });
    expect(running.admin.balance("rival")).toBe(1234);
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
  });

  it("lists domains with their sponsor and dates, and a registrar's balance", async () => {
    running = await startMockRegistry({ port: 0, adminPort: 0, dataDir: null, frozenAt: FROZEN_AT, tls: testTls() });
    const base = `http://127.0.0.1:${running.adminPort}`;
    for (const [clID, pw, name] of [
      ["platform", "platform-dev-pass", "ours.com"],
      ["rival", "rival-dev-pass", "theirs.net"],
    ]) {
      const session = running.registry.openSession();
      session.login({ clID, pw, version: "1.0", lang: "en", objURIs: OBJ_URIS, extURIs: [] });
      const created = await session.execute({
        type: "domain:create",
        name,
        period: { value: 2, unit: "y" },
        ns: [],
        contacts: [],
        authInfo: "Secret-123!",
      });
      expect(created.response.code).toBe(1000);
    }
    const ours = await (await fetch(`${base}/domains?sponsor=platform`)).json();
    expect(ours).toEqual([
      {
        name: "ours.com",
        roid: expect.any(String),
        sponsor: "platform",
        createdAt: FROZEN_AT,
        expiresAt: "2028-06-01T00:00:00.000Z",
        transfer: null,
      },
    ]);
    const all = await (await fetch(`${base}/domains`)).json();
    expect(all.map((d: { name: string }) => d.name)).toEqual(["ours.com", "theirs.net"]);
    const balance = await (await fetch(`${base}/accounts/platform`)).json();
    expect(balance).toEqual({ balance: 100_000_000 - 2 * 1_026 });
  });
});
