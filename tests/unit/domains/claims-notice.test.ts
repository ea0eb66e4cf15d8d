import { describe, expect, it } from "vitest";
import { acceptedNotice, buildClaimsNotice, crc32, tcnid } from "@/server/domains/checkout/claims-notice";

describe("claims notices", () => {
  it("computes the TCNID of the published test vector", () => {
    expect(tcnid("example-one", new Date("2010-08-16T09:00:00Z"), "9223372036854775807")).toBe(
      "370d0b7c9223372036854775807",
    );
  });

  it("computes CRC32 like zlib", () => {
    expect(crc32("123456789").toString(16)).toBe("cbf43926");
  });

  it("keeps the same notice while it is read, and accepts last hour's notice just after the hour turns", () => {
    const key = "2013041500/2/6/9/rJ1NrDO92vDsAzf7EQzgjX4R0000000001";
    const shown = buildClaimsNotice("acme.vista", key, new Date("2026-06-01T10:59:58Z"));
    expect(buildClaimsNotice("acme.vista", key, new Date("2026-06-01T10:15:00Z")).noticeId).toBe(shown.noticeId);
    const later = new Date("2026-06-01T11:00:03Z");
    const current = buildClaimsNotice("acme.vista", key, later);
    expect(current.noticeId).not.toBe(shown.noticeId);
    expect(acceptedNotice(current, shown.noticeId, later)?.notAfter).toBe(shown.notAfter);
    expect(acceptedNotice(current, "0".repeat(27), later)).toBeNull();
    expect(acceptedNotice(current, undefined, later)).toBeNull();
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
