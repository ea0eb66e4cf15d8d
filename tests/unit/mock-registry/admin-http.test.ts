import { afterEach, describe, expect, it } from "vitest";
import { startMockRegistry, type RunningMockRegistry } from "@/mock-registry";
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
});
