import { describe, expect, it } from "vitest";
import { formatMoney, parseMoney, toDecimalString } from "@/lib/money";
import { assertBalanced } from "@/server/billing/post-entry";
import { resellerAccount } from "@/server/billing/accounts";

describe("money formatting", () => {
  it("formats minor units for the reseller's locale and currency", () => {
    expect(formatMoney(1299, "USD", "en-US")).toBe("$12.99");
    expect(formatMoney(1299, "EUR", "de-DE").replace(/\s/g, " ")).toBe("12,99 €");
    expect(formatMoney(-50, "GBP", "en-GB")).toBe("-£0.50");
  });
  it("parses what people type into minor units and refuses too many decimals", () => {
    expect(parseMoney("12", "USD")).toBe(1200);
    expect(parseMoney("1,299.5", "USD")).toBe(129950);
    expect(parseMoney("12.345", "USD")).toBeNull();
    expect(parseMoney("abc", "USD")).toBeNull();
  });
  it("writes plain decimals for CSV", () => {
    expect(toDecimalString(-5, "USD")).toBe("-0.05");
    expect(toDecimalString(123456, "EUR")).toBe("1234.56");
  });
});

describe("journal entries", () => {
  const a = resellerAccount("reseller_available", "r1", "USD");
  const b = resellerAccount("reseller_held", "r1", "USD");
  const e = resellerAccount("reseller_available", "r1", "EUR");
  it("accept lines that sum to zero in each currency", () => {
    expect(() =>
      assertBalanced([
        { account: a, amount: -10 },
        { account: b, amount: 10 },
      ]),
    ).not.toThrow();
  });
  it("refuse lines that do not balance, even when the totals across currencies would", () => {
    expect(() =>
      assertBalanced([
        { account: a, amount: -10 },
        { account: e, amount: 10 },
      ]),
    ).toThrow();
    expect(() => assertBalanced([])).toThrow();
  });
});
