import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TLDS, makeTcnid } from "@/mock-registry";
import { RegistryError } from "@/mock-registry/model/result-codes";
import { checkSignedMark, tcnidChecksumOk } from "@/mock-registry/policy/launch-marks";
import { parseDomainName } from "@/mock-registry/policy/names";
import { currentPhase } from "@/mock-registry/policy/phases";
import { quote } from "@/mock-registry/policy/pricing";
import { FIXTURES } from "../../support/epp-xsd";

const tlds = new Map(DEFAULT_TLDS.map((t) => [t.tld, t]));
const policy = (tld: string) => {
  const p = tlds.get(tld);
  if (!p) throw new Error(tld);
  return p;
};

function codeOf(fn: () => unknown): number | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof RegistryError ? e.code : -1;
  }
}

describe("name rules", () => {
  it("accepts LDH labels as sent", () => {
    expect(parseDomainName("example-1.com", tlds).name).toBe("example-1.com");
  });

  it("answers each broken rule with its own code", () => {
    expect(codeOf(() => parseDomainName("Example-1.COM", tlds))).toBe(2005);
    expect(codeOf(() => parseDomainName("a".repeat(64) + ".com", tlds))).toBe(2005);
    expect(codeOf(() => parseDomainName("under_score.com", tlds))).toBe(2005);
    expect(codeOf(() => parseDomainName("xn--zz.com", tlds))).toBe(2005);
    expect(codeOf(() => parseDomainName("a.example.com", tlds))).toBe(2005);
    expect(codeOf(() => parseDomainName("a.unknown", tlds))).toBe(2004);
    expect(codeOf(() => parseDomainName("x.io", tlds))).toBe(2306);
  });
});

describe("launch marks", () => {
  const smd = readFileSync(path.join(FIXTURES, "tmch/active.smd"), "utf8");

  it("reads the labels of the ICANN pilot SMD and checks its validity window", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(checkSignedMark(smd, "test-validate", now).labels).toContain("testandvalidate");
    expect(codeOf(() => checkSignedMark(smd, "test-validate", Date.parse("2028-01-01T00:00:00Z")))).toBe(2306);
    expect(codeOf(() => checkSignedMark(smd, "test-validate", Date.parse("2020-01-01T00:00:00Z")))).toBe(2306);
    expect(codeOf(() => checkSignedMark(Buffer.from("<foo/>").toString("base64"), "x", now))).toBe(2005);
  });

  it("computes and verifies TCNIDs like the TMCH test vector", () => {
    const notAfter = Date.parse("2010-08-16T09:00:00Z");
    expect(makeTcnid("example-one", notAfter, "9223372036854775807")).toBe("370d0b7c9223372036854775807");
    expect(tcnidChecksumOk("370d0b7c9223372036854775807", "example-one", notAfter)).toBe(true);
    expect(tcnidChecksumOk("370d0b7d9223372036854775807", "example-one", notAfter)).toBe(false);
  });
});

describe("prices and phases", () => {
  const anchor = Date.parse("2026-06-01T00:00:00Z");

  it("prices premium tiers, promotions and launch phases", () => {
    const ctx = { anchor, now: anchor, phase: "open" };
    expect(quote(policy("shop"), "buy", "create", 2, ctx)).toMatchObject({ premium: true, total: 1_000_000 });
    expect(quote(policy("co"), "plain", "create", 2, ctx).total).toBe(1_200 + 2_500);
    expect(quote(policy("co"), "plain", "create", 1, { ...ctx, now: anchor + 61 * 86_400_000 }).total).toBe(2_500);
    expect(quote(policy("bloom"), "x", "create", 1, { ...ctx, phase: "sunrise" }).total).toBe(6_000);
    expect(quote(policy("com"), "x", "restore", 1, ctx).fees.map((f) => f.description)).toEqual(["restore", "renew"]);
  });

  it("derives each new gTLD's phase from the registry's anchor", () => {
    expect(currentPhase(policy("nova"), anchor, anchor).phase).toBe("announced");
    expect(currentPhase(policy("nova"), anchor, anchor + 30 * 86_400_000).phase).toBe("sunrise");
    expect(currentPhase(policy("forge"), anchor, anchor).phase).toBe("landrush");
    expect(currentPhase(policy("vista"), anchor, anchor + 60 * 86_400_000).phase).toBe("open");
  });
});
