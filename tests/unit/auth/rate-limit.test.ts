import { describe, expect, it } from "vitest";
import { isOverLimit, slidingCount, windowStartOf } from "@/server/auth/rate-limit";

const W = 15 * 60_000;
const rule = { limit: 5, windowMs: W };

describe("sign-in rate window", () => {
  it("aligns windows to multiples of their length", () => {
    const now = new Date(Date.UTC(2026, 0, 1, 10, 7, 30));
    expect(windowStartOf(now, W).toISOString()).toBe("2026-01-01T10:00:00.000Z");
  });

  it("counts the whole current window and the unexpired share of the previous one", () => {
    const start = Date.UTC(2026, 0, 1, 10, 0, 0);
    expect(slidingCount(2, 4, new Date(start), W)).toBe(6);
    expect(slidingCount(2, 4, new Date(start + W / 4), W)).toBe(5);
    expect(slidingCount(2, 4, new Date(start + W - 1), W)).toBeCloseTo(2, 3);
  });

  it("limits at the fifth failure and not before", () => {
    const mid = new Date(Date.UTC(2026, 0, 1, 10, 7, 30));
    expect(isOverLimit(4, 0, mid, rule)).toBe(false);
    expect(isOverLimit(5, 0, mid, rule)).toBe(true);
  });

  it("does not let failures straddling a window boundary escape the limit", () => {
    const justAfter = new Date(Date.UTC(2026, 0, 1, 10, 15, 1));
    expect(isOverLimit(1, 5, justAfter, rule)).toBe(true);
  });

  it("forgets failures older than two windows", () => {
    const late = new Date(Date.UTC(2026, 0, 1, 10, 29, 59));
    expect(isOverLimit(0, 5, late, rule)).toBe(false);
  });
});
