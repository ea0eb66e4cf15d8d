/** The retry schedule: Standard Webhooks' steps with ±10 % jitter, over three days, then give up. */
import { describe, expect, it } from "vitest";
import {
  DISABLE_AFTER_FAILURES,
  DISABLE_AFTER_MS,
  RETRY_DELAYS_SECONDS,
  retryDelayMs,
  shouldDisable,
} from "@/server/webhooks/outbox/retry-schedule";

describe("webhook retry schedule", () => {
  it("waits 5 s, 5 min, 30 min, 2 h, 5 h, then 10 h, within ±10 %", () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(5_000);
    expect(retryDelayMs(1, () => 0)).toBe(4_500);
    expect(retryDelayMs(1, () => 1)).toBe(5_500);
    expect(retryDelayMs(2, () => 0.5)).toBe(300_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(1_800_000);
    expect(retryDelayMs(4, () => 0.5)).toBe(7_200_000);
    expect(retryDelayMs(5, () => 0.5)).toBe(18_000_000);
    expect(retryDelayMs(6, () => 0.5)).toBe(36_000_000);
  });

  it("keeps retrying for close to three days and never past them, then stops", () => {
    const total = RETRY_DELAYS_SECONDS.reduce((s, d) => s + d, 0) * 1_000;
    expect(total).toBeGreaterThan(2.5 * 86_400_000);
    expect(total * 1.1).toBeLessThan(3.5 * 86_400_000);
    expect(retryDelayMs(RETRY_DELAYS_SECONDS.length + 1)).toBeNull();
  });

  it("disables after three days of failures or fifty in a row", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    const ago = (ms: number) => new Date(now.getTime() - ms);
    expect(shouldDisable({ consecutiveFailures: 3, failingSince: ago(DISABLE_AFTER_MS - 60_000) }, now)).toBe(false);
    expect(shouldDisable({ consecutiveFailures: 3, failingSince: ago(DISABLE_AFTER_MS) }, now)).toBe(true);
    expect(shouldDisable({ consecutiveFailures: DISABLE_AFTER_FAILURES - 1, failingSince: ago(1_000) }, now)).toBe(
      false,
    );
    expect(shouldDisable({ consecutiveFailures: DISABLE_AFTER_FAILURES, failingSince: ago(1_000) }, now)).toBe(true);
  });
});
