/**
 * The mock registry refuses names as real registries do (issue 16): syntax is 2005 and names are
 * never lower-cased for the client; a well-formed IDN outside the TLD's IDN tables is 2306 with the
 * reason. Checked on the rules and on the wire, where every frame the registry sends must validate.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TLDS, defineTld, startMockRegistry, type RunningMockRegistry } from "@/mock-registry";
import { RegistryError } from "@/mock-registry/model/result-codes";
import { parseDomainName } from "@/mock-registry/policy/names";
import { RawEppClient } from "../../support/epp-raw-client";
import { FROZEN_AT, testTls } from "../../support/epp-test-registry";
import { invalidFrames } from "../../support/epp-xsd";
import { Registrar, login } from "./raw-frames";

const tlds = new Map(DEFAULT_TLDS.map((t) => [t.tld, t]));

function refusal(name: string): { code: number; message: string } | null {
  try {
    parseDomainName(name, tlds);
    return null;
  } catch (e) {
    if (e instanceof RegistryError) return { code: e.code, message: e.message };
    throw e;
  }
}

describe("name syntax (2005)", () => {
  it.each([
    ["Example.com", "upper case is refused, not lower-cased"],
    ["EXAMPLE.COM", "upper case TLD too"],
    ["-abc.com", "leading dash"],
    ["abc-.com", "trailing dash"],
    [`${"a".repeat(64)}.com`, "64 characters"],
    ["ab--cd.com", "hyphens in positions 3-4"],
    ["xn--zz.com", "bad punycode"],
    ["xn--bcher-kva-.com", "A-label ending with a dash"],
    ["xn--a.com", "decodes to a control character"],
    ["xn--abc-.com", "decodes to ASCII"],
    ["under_score.com", "not LDH"],
    ["a..com", "empty label"],
  ])("%s → 2005 (%s)", (name) => {
    expect(refusal(name)?.code).toBe(2005);
  });

  it("refuses an A-label that breaks UTS #46's bidi rule as invalid", () => {
    // "ا1b" encoded: valid punycode, but not a valid IDN.
    expect(refusal("xn--1b-btd.com")).toMatchObject({ code: 2005, message: expect.stringMatching(/not a valid IDN/) });
  });

  it("keeps accepting valid names", () => {
    expect(refusal("example-1.com")).toBeNull();
    expect(refusal("xn--bcher-kva.com")).toBeNull();
    expect(refusal(`${"a".repeat(63)}.com`)).toBeNull();
  });
});

describe("IDN tables (2306)", () => {
  it("takes a label that fits one of the TLD's tables", () => {
    expect(refusal("xn--e1afmkfd.com")).toBeNull(); // пример: Cyrillic
    expect(refusal("xn--0xaakcn.com")).toBeNull(); // σοφοσ: Greek
    expect(refusal("xn--r8jz45g.com")).toBeNull(); // 例え: Japanese
    expect(refusal("xn--r8jz45g.shop")).toBeNull();
    expect(refusal("xn--bcher-kva.co")).toBeNull(); // bücher: Latin
  });

  it("refuses a script outside the TLD's tables, naming the character and the tables", () => {
    expect(refusal("xn--e1afmkfd.org")).toEqual({
      code: 2306,
      message: 'Domain label is not allowed by IDN table: "п" (U+043F) is in no .org IDN table (tables: Latin).',
    });
    expect(refusal("xn--e1afmkfd.co")?.code).toBe(2306);
    expect(refusal("xn--bcher-kva.io")?.message).toMatch(/\.io takes ASCII names only/);
  });

  it("refuses a label that mixes scripts even when each script has a table", () => {
    // "paypаl" with a Cyrillic а: Latin and Cyrillic are both .com tables, but no one table holds it.
    expect(refusal("xn--paypl-7ve.com")).toMatchObject({ code: 2306, message: expect.stringMatching(/mixes scripts/) });
  });

  it("refuses an emoji A-label, which no table holds", () => {
    expect(refusal("xn--ls8h.com")).toMatchObject({ code: 2306, message: expect.stringMatching(/U\+1F4A9/) });
  });
});

describe("on the wire", () => {
  const PORT = 5730;
  const sent = new Set<string>();
  let running: RunningMockRegistry;
  let platform: Registrar;
  const prices = { create: 1500, renew: 1500, transfer: 1500, restore: 4000 };

  beforeAll(async () => {
    running = await startMockRegistry({
      port: PORT,
      adminPort: null,
      dataDir: null,
      frozenAt: FROZEN_AT,
      tls: testTls(),
      extraTlds: [defineTld({ tld: "latinonly", operator: "cc-sim", prices, idnTables: ["latin"] })],
      onFrame: (direction, xml) => {
        if (direction === "server") sent.add(xml);
      },
    });
    const raw = await RawEppClient.connect(running.port, running.certPem);
    await raw.next();
    platform = new Registrar(raw);
    expect(await platform.send(login("platform", "platform-dev-pass"))).toBe(1000);
  });

  afterAll(async () => {
    platform.raw.close();
    await running.close();
    const invalid = await invalidFrames(sent);
    expect(invalid.slice(0, 3), `${invalid.length} of ${sent.size} server frames fail the schemas`).toEqual([]);
  });

  it("answers create with 2005 for broken syntax and 2306 outside the IDN table", async () => {
    for (const name of ["-lead.com", `${"b".repeat(64)}.com`, "ab--cd.com", "xn--zz.com", "Upper.com"])
      expect(await platform.createDomain(name), name).toBe(2005);
    expect(await platform.createDomain("xn--e1afmkfd.latinonly")).toBe(2306);
    expect(platform.last).toContain("is in no .latinonly IDN table");
    expect(await platform.createDomain("xn--bcher-kva.latinonly")).toBe(1000);
  });

  it("answers a check of an upper-case name with avail=0 and a reason, not the lower-cased name's answer", async () => {
    expect(await platform.checkDomains(["Example.com", "xn--e1afmkfd.latinonly"])).toBe(1000);
    expect(platform.last).toMatch(
      /<domain:name avail="0">Example\.com<\/domain:name><domain:reason>Upper-case letters<\/domain:reason>/,
    );
    expect(platform.last).toMatch(
      /avail="0">xn--e1afmkfd\.latinonly<\/domain:name><domain:reason>Script not allowed for this TLD/,
    );
  });
});
