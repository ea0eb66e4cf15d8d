import { describe, expect, it } from "vitest";
import {
  activePromotion,
  applyMarkup,
  convertFromUsd,
  marginOf,
  premiumRetail,
  premiumWholesale,
  retailFor,
  roundPrice,
} from "@/server/pricing/rules";

const at = (iso: string) => new Date(iso);

describe("rounding", () => {
  it("rounds up to the next .99", () => {
    expect(roundPrice(1234, "cents99")).toBe(1299);
    expect(roundPrice(1299, "cents99")).toBe(1299);
    expect(roundPrice(1300, "cents99")).toBe(1399);
  });
  it("rounds up to whole units", () => {
    expect(roundPrice(1201, "whole")).toBe(1300);
    expect(roundPrice(1200, "whole")).toBe(1200);
  });
  it("leaves amounts alone without a rounding rule or for currencies without minor units", () => {
    expect(roundPrice(1234, "none")).toBe(1234);
    expect(roundPrice(1234, "cents99", 0)).toBe(1234);
  });
});

describe("markup", () => {
  it("adds a percentage in basis points and rounds the result", () => {
    expect(applyMarkup(1_000, { kind: "percent", value: 2_500 }, "none")).toBe(1_250);
    expect(applyMarkup(1_000, { kind: "percent", value: 2_500 }, "cents99")).toBe(1_299);
  });
  it("adds a fixed amount", () => {
    expect(applyMarkup(1_000, { kind: "fixed", value: 350 }, "whole")).toBe(1_400);
  });
  it("never rounds a percentage down to below the exact markup", () => {
    expect(applyMarkup(333, { kind: "percent", value: 1_000 }, "none")).toBe(367);
  });
});

describe("retail price precedence", () => {
  const base = { wholesale: 2_000, markup: { kind: "percent" as const, value: 2_000 }, rounding: "cents99" as const };
  const promo = {
    amount: 1_500,
    startsAt: at("2026-09-01T00:00:00Z"),
    endsAt: at("2026-10-01T00:00:00Z"),
    label: ".co at 15.00 until 30 September",
  };

  it("uses the markup when there is no override or promotion", () => {
    expect(retailFor({ ...base, at: at("2026-08-01T00:00:00Z") })).toEqual({ amount: 2_499, source: "markup" });
  });
  it("uses a per-TLD override over the markup", () => {
    expect(retailFor({ ...base, override: 2_200, at: at("2026-08-01T00:00:00Z") })).toEqual({
      amount: 2_200,
      source: "override",
    });
  });
  it("uses a running promotion over everything else", () => {
    expect(retailFor({ ...base, override: 2_200, promotions: [promo], at: at("2026-09-30T23:59:59Z") })).toMatchObject({
      amount: 1_500,
      source: "promotion",
      label: promo.label,
    });
  });
  it("ignores a promotion before it starts and from the moment it ends", () => {
    expect(retailFor({ ...base, promotions: [promo], at: at("2026-08-31T23:59:59Z") }).source).toBe("markup");
    expect(retailFor({ ...base, promotions: [promo], at: at("2026-10-01T00:00:00Z") }).source).toBe("markup");
  });
  it("picks the cheapest of overlapping promotions", () => {
    const cheaper = { ...promo, amount: 1_200, label: "flash" };
    expect(activePromotion([promo, cheaper], at("2026-09-15T00:00:00Z"))?.label).toBe("flash");
  });
});

describe("premium names", () => {
  it("charges the registry fee plus the tier's percentage", () => {
    expect(premiumWholesale(100_000, { kind: "percent", value: 1_000 }, 1_000_000)).toBe(110_000);
  });
  it("charges the registry fee plus the tier's fixed amount", () => {
    expect(premiumWholesale(100_000, { kind: "fixed", value: 2_500 }, 1_000_000)).toBe(102_500);
  });
  it("converts a USD registry fee with the registrar's fixed rate, rounding up", () => {
    expect(convertFromUsd(10_001, 920_000)).toBe(9_201);
    expect(premiumWholesale(100_000, { kind: "percent", value: 0 }, 920_000)).toBe(92_000);
  });
  it("applies the reseller's markup to the premium wholesale", () => {
    expect(premiumRetail(110_000, { kind: "percent", value: 2_000 }, "whole")).toEqual({
      amount: 132_000,
      source: "premium",
    });
  });
});

describe("margin", () => {
  it("warns when retail is below wholesale", () => {
    expect(marginOf(1_000, 900)).toEqual({ wholesale: 1_000, retail: 900, margin: -100, belowWholesale: true });
    expect(marginOf(1_000, 1_000).belowWholesale).toBe(false);
  });
});
