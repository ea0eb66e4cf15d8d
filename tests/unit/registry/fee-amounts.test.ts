import { describe, expect, it } from "vitest";
import { premiumFeeUsd } from "@/server/domains/search/premium-fee";
import { parseEnvelope } from "@/server/registry/epp/parse-envelope";
import { parseOutput } from "@/server/registry/epp/parse-objects";
import { minor } from "@/server/registry/epp/parse-fee";

function premiumCheck(currency: string, fee: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1000"><msg>Command completed successfully</msg></result>
<resData><domain:chkData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:cd><domain:name avail="1">coffee.shop</domain:name></domain:cd></domain:chkData></resData>
<extension><fee:chkData xmlns:fee="urn:ietf:params:xml:ns:epp:fee-1.0"><fee:currency>${currency}</fee:currency>
<fee:cd avail="1"><fee:objID>coffee.shop</fee:objID><fee:class>premium</fee:class>
<fee:command name="create"><fee:period unit="y">1</fee:period><fee:fee description="Registration Fee" refundable="1">${fee}</fee:fee></fee:command>
</fee:cd></fee:chkData></extension>
<trID><clTRID>ABC-1</clTRID><svTRID>SRV-1</svTRID></trID></response></epp>`;
}

describe("fee amounts from a registry", () => {
  it("reads each currency's own minor units and rounds extra digits against us, never for us", () => {
    expect(minor("12.50", "USD")).toBe(1_250);
    expect(minor(" 7 ", "USD")).toBe(700);
    expect(minor("1500", "JPY")).toBe(1_500);
    expect(minor("1.234", "KWD")).toBe(1_234);
    // A third decimal on a two-decimal currency: the cost rounds up, a credit rounds toward zero.
    expect(minor("10.001", "USD")).toBe(1_001);
    expect(minor("-10.009", "USD")).toBe(-1_000);
    expect(minor("10.000", "USD")).toBe(1_000);
  });

  it("refuses what is not a decimal amount instead of putting NaN in a price", () => {
    for (const bad of ["", "abc", "1,000.00", "12.5.1", "1e3", "--1", ".", "99999999999999999999"]) {
      expect(() => minor(bad, "USD"), bad).toThrow(/fee/);
    }
  });

  it("prices a premium name only from a fee quoted in US dollars", () => {
    const usd = parseOutput("checkDomains", parseEnvelope(premiumCheck("USD", "250.00")));
    const eur = parseOutput("checkDomains", parseEnvelope(premiumCheck("EUR", "250.00")));
    expect(premiumFeeUsd(usd[0]?.prices.create)).toBe(25_000);
    // 250 euros are not 250 dollars: no USD price, so the name is not sold at a made-up one.
    expect(eur[0]?.prices.create).toEqual({ amount: 25_000, currency: "EUR" });
    expect(premiumFeeUsd(eur[0]?.prices.create)).toBeUndefined();
  });
});
