import { describe, expect, it } from "vitest";
import { assertBalanced, type EntryLine } from "@/server/billing/post-entry";
import { registryAccount, resellerAccount } from "@/server/billing/accounts";

const line = (
  amount: number,
  currency = "EUR",
  kind: "reseller_held" | "registrar_revenue" = "reseller_held",
): EntryLine => ({
  account: resellerAccount(kind, "r1", currency),
  amount,
});

describe("journal entries balance per currency", () => {
  it("accepts an entry whose lines sum to zero in each currency, as a EUR capture with a USD registry payable", () => {
    expect(() =>
      assertBalanced([
        line(-1_000),
        line(1_000, "EUR", "registrar_revenue"),
        { account: registryAccount("registry_cost", "op", "USD"), amount: -800 },
        { account: registryAccount("registry_payable", "op", "USD"), amount: 800 },
      ]),
    ).not.toThrow();
  });

  it("refuses lines that sum to zero overall but not in each currency", () => {
    expect(() => assertBalanced([line(-1_000, "EUR"), line(1_000, "USD", "registrar_revenue")])).toThrow(
      expect.objectContaining({ code: "INTERNAL" }),
    );
  });

  it("refuses an entry without lines and amounts that are not whole minor units", () => {
    expect(() => assertBalanced([])).toThrow(expect.objectContaining({ code: "INTERNAL" }));
    expect(() => assertBalanced([line(-0.5), line(0.5, "EUR", "registrar_revenue")])).toThrow(
      expect.objectContaining({ code: "INTERNAL" }),
    );
  });
});

describe("ledger accounts", () => {
  it("keep a running balance only for a reseller's available balance", () => {
    expect(resellerAccount("reseller_available", "r1", "USD")).toMatchObject({
      id: "reseller_available:r1:USD",
      cached: true,
    });
    expect(resellerAccount("reseller_held", "r1", "USD").cached).toBe(false);
    expect(resellerAccount("registrar_revenue", "r1", "USD").cached).toBe(false);
    expect(registryAccount("registry_payable", "op", "USD")).toMatchObject({ resellerId: null, cached: false });
  });
});
