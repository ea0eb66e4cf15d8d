import { describe, expect, it } from "vitest";
import { MAX_CIDRS, addressAllowed, parseCidrList } from "@/server/api-keys/cidr";

describe("API key allowlists", () => {
  it("parses IPv4, IPv6 and bare addresses into canonical CIDR text", () => {
    expect(parseCidrList(["203.0.113.0/24", " 2001:DB8::/32 ", "198.51.100.7", ""])).toEqual({
      ok: true,
      cidrs: ["203.0.113.0/24", "2001:db8::/32", "198.51.100.7/32"],
    });
  });

  it("refuses what is not an address, an out-of-range prefix and too many entries", () => {
    const r = parseCidrList(["example.com", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/-1", "10.0.0.0/08x"]);
    expect(r.ok).toBe(false);
    expect(Object.keys(r.ok ? {} : r.errors)).toEqual([
      "allowedCidrs.0",
      "allowedCidrs.1",
      "allowedCidrs.2",
      "allowedCidrs.3",
      "allowedCidrs.4",
    ]);
    const many = Array.from({ length: MAX_CIDRS + 1 }, (_, i) => `10.0.${i}.0/24`);
    expect(parseCidrList(many)).toMatchObject({ ok: false, errors: { allowedCidrs: expect.any(String) } });
  });

  it("matches addresses numerically, IPv4-mapped IPv6 included, and allows all when the list is empty", () => {
    const list = ["203.0.113.0/24", "2001:db8::/32"];
    expect(addressAllowed(list, "203.0.113.200")).toBe(true);
    expect(addressAllowed(list, "::ffff:203.0.113.5")).toBe(true);
    expect(addressAllowed(list, "203.0.114.1")).toBe(false);
    expect(addressAllowed(list, "2001:0db8:0000::1")).toBe(true);
    expect(addressAllowed(list, "2001:db9::1")).toBe(false);
    expect(addressAllowed(list, "unknown")).toBe(false);
    expect(addressAllowed([], "unknown")).toBe(true);
  });
});
