import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function delays(env: Record<string, string>, random: number) {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const { retryDelaySeconds } = await import("@/server/fulfilment/settings");
  return [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => retryDelaySeconds(attempt, () => random));
}

describe("the engine's retry backoff", () => {
  it("doubles from the base and never waits longer than half the stall time", async () => {
    // Middle of the jitter: exactly the doubling, capped at (2 × 300 s lease) / 2 = 300 s.
    expect(await delays({ FULFILMENT_RETRY_DELAY_SECONDS: "5", FULFILMENT_LEASE_SECONDS: "300" }, 0.5)).toEqual([
      5, 10, 20, 40, 80, 160, 300, 300,
    ]);
  });

  it("counts an item stalled after two short leases, not a fixed minute, and caps retries at one lease", async () => {
    const short = { FULFILMENT_RETRY_DELAY_SECONDS: "1", FULFILMENT_LEASE_SECONDS: "20" };
    expect(await delays(short, 0.5)).toEqual([1, 2, 4, 8, 16, 20, 20, 20]);
    const { stallAfterMs } = await import("@/server/fulfilment/settings");
    expect(stallAfterMs()).toBe(40_000);
  });

  it("spreads retries by ±20 % so a registry outage does not bring every item back at once", async () => {
    const low = await delays({ FULFILMENT_RETRY_DELAY_SECONDS: "10" }, 0);
    const high = await delays({ FULFILMENT_RETRY_DELAY_SECONDS: "10" }, 0.999);
    expect(low.slice(0, 3)).toEqual([8, 16, 32]);
    expect(high.slice(0, 3)).toEqual([12, 24, 48]);
  });
});
