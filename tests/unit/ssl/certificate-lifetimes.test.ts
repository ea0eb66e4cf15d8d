import { describe, expect, it } from "vitest";
import { addYears, maxLifetimeDays, nextReplacementAt, validityDaysFor } from "@/server/ssl/requests/lifetimes";

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("certificate lifetimes within a paid term", () => {
  it("follows the maximum lifetime in force on each date (398, 200, 100, 47 days)", () => {
    expect(maxLifetimeDays(at("2026-03-14"))).toBe(398);
    expect(maxLifetimeDays(at("2026-03-15"))).toBe(200);
    expect(maxLifetimeDays(at("2027-03-14"))).toBe(200);
    expect(maxLifetimeDays(at("2027-03-15"))).toBe(100);
    expect(maxLifetimeDays(at("2029-03-14"))).toBe(100);
    expect(maxLifetimeDays(at("2029-03-15"))).toBe(47);
  });

  it("asks for what is left of the term, capped at the lifetime in force", () => {
    const now = at("2026-12-01");
    expect(validityDaysFor(now, addYears(now, 5))).toBe(200);
    expect(validityDaysFor(now, at("2027-01-31"))).toBe(61);
    expect(validityDaysFor(at("2029-06-01"), at("2031-06-01"))).toBe(47);
  });

  it("replaces a certificate when a third of its life remains, and not past the end of the term", () => {
    const cert = { notBefore: at("2026-12-01"), notAfter: at("2027-06-19") }; // 200 days
    expect(nextReplacementAt(cert, at("2028-12-01"))!.toISOString()).toBe("2027-04-13T08:00:00.000Z");
    expect(nextReplacementAt(cert, at("2027-06-19"))).toBeNull();
  });

  it("delivers a five-year term as successive certificates that cover it without a gap", () => {
    let now = at("2026-12-01");
    const end = addYears(now, 5);
    let count = 0;
    let coveredUntil = now;
    while (count < 200) {
      const days = validityDaysFor(now, end);
      const cert = { notBefore: now, notAfter: new Date(now.getTime() + days * 86_400_000) };
      expect(cert.notBefore.getTime()).toBeLessThanOrEqual(coveredUntil.getTime());
      coveredUntil = cert.notAfter;
      count++;
      const next = nextReplacementAt(cert, end);
      if (!next) break;
      now = next;
    }
    expect(coveredUntil.getTime()).toBeGreaterThanOrEqual(end.getTime() - 86_400_000);
    expect(count).toBeGreaterThan(20);
  });
});
