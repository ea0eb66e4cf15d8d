import { describe, expect, it } from "vitest";
import { buildClaimsNotice, crc32, tcnid } from "@/server/domains/checkout/claims-notice";

describe("claims notices", () => {
  it("computes the TCNID of the published test vector", () => {
    expect(tcnid("example-one", new Date("2010-08-16T09:00:00Z"), "9223372036854775807")).toBe("370d0b7c9223372036854775807");
  });

  it("computes CRC32 like zlib", () => {
    expect(crc32("123456789").toString(16)).toBe("cbf43926");
  });

  it("builds a notice valid for 48 hours whose TCNID matches its label and date", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const n = buildClaimsNotice("acme.vista", "2013041500/2/6/9/rJ1NrDO92vDsAzf7EQzgjX4R0000000001", now);
    expect(n.notAfter).toBe("2026-06-03T00:00:00.000Z");
    expect(n.noticeId).toMatch(/^[0-9a-f]{8}\d{19}$/);
    expect(n.noticeId).toBe(tcnid("acme", new Date(n.notAfter), n.noticeId.slice(8)));
    expect(n.text).toContain("acme.vista");
  });
});
