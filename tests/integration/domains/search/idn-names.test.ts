/**
 * Names in every script, as the storefront answers them before payment: typed names mapped as UTS #46
 * maps them, and each label checked against the TLD's IDN tables from the catalogue, so a name the
 * registry would refuse is explained (and never sent) instead of failing after payment (issue 16).
 */
import { afterEach, describe, expect, it } from "vitest";
import { systemContext } from "@/server/context";
import { searchDomains } from "@/server/domains/search/search-domains";
import { bulkSearch, type BulkRow } from "@/server/domains/search/bulk-search";
import { prepareCheckout } from "@/server/domains/checkout/prepare-checkout";
import type { RegistryLogEntry } from "@/server/registry";
import {
  createDomainCatalog,
  createDomainReseller,
  startInProcessRegistry,
  type TestRegistry,
} from "../../../support/factories";

let reg: TestRegistry | undefined;
afterEach(async () => {
  await reg?.close();
  reg = undefined;
});

async function setup() {
  await createDomainCatalog();
  const reseller = await createDomainReseller({ wholesale: 1_000 });
  const log: RegistryLogEntry[] = [];
  reg = startInProcessRegistry({ logger: (e) => log.push(e) });
  return { reseller, log, ctx: systemContext(reseller.id) };
}

const checkedNames = (log: RegistryLogEntry[]) => JSON.stringify(log.filter((e) => e.operation === "checkDomains"));

describe("IDN search against the TLDs' IDN tables", () => {
  it("offers a Cyrillic name where the registry takes Cyrillic and explains the TLDs that do not", async () => {
    const { reseller, ctx, log } = await setup();
    const res = await searchDomains(ctx, { resellerId: reseller.id, query: "пример" });
    expect(res.results.find((r) => r.tld === "com")).toMatchObject({
      name: "xn--e1afmkfd.com",
      unicodeName: "пример.com",
      availability: "available",
    });
    expect(res.results.find((r) => r.tld === "org")).toMatchObject({
      availability: "unavailable",
      reason: "“пример” cannot be registered in .org: “п” (U+043F) is not in its Latin script.",
    });
    expect(res.results.find((r) => r.tld === "io")?.reason).toMatch(/\.io takes names in plain letters a–z/);
    // Refused before asking: the .org registry never saw the name.
    expect(checkedNames(log)).not.toContain("xn--e1afmkfd.org");
    expect(checkedNames(log)).toContain("xn--e1afmkfd.com");
  });

  it("refuses a label that mixes look-alike scripts, even where each script is taken", async () => {
    const { reseller, ctx } = await setup();
    const res = await searchDomains(ctx, { resellerId: reseller.id, query: "paypаl.com" });
    expect(res.results[0]).toMatchObject({ tld: "com", availability: "unavailable" });
    expect(res.results[0].reason).toMatch(/mixes Latin and Cyrillic letters/);
  });

  it("agrees with the registry: what the storefront refuses, the registry refuses too", async () => {
    await setup();
    const { data } = await reg!.rival.checkDomains({ names: ["xn--e1afmkfd.org", "xn--e1afmkfd.com"] });
    expect(data.map((d) => [d.name, d.available])).toEqual([
      ["xn--e1afmkfd.org", false],
      ["xn--e1afmkfd.com", true],
    ]);
  });

  it("maps what people type the way UTS #46 does before searching", async () => {
    const { reseller, ctx } = await setup();
    const wide = await searchDomains(ctx, { resellerId: reseller.id, query: "ａｂｃｄｅｆｘｙｚ.com" });
    expect(wide).toMatchObject({ label: "abcdefxyz", typed: "ａｂｃｄｅｆｘｙｚ" });
    expect(wide.results[0]).toMatchObject({ name: "abcdefxyz.com", unicodeName: "abcdefxyz.com" });
    const greek = await searchDomains(ctx, { resellerId: reseller.id, query: "ΣΟΦΟΣ.com" });
    expect(greek.results[0]).toMatchObject({ name: "xn--0xaakcn.com", unicodeName: "σοφοσ.com" });
    expect(greek.typed).toBe("ΣΟΦΟΣ");
    const plain = await searchDomains(ctx, { resellerId: reseller.id, query: "Kestrel.com" });
    expect(plain.typed).toBeUndefined();
    const emoji = await searchDomains(ctx, { resellerId: reseller.id, query: "xn--ls8h.com" });
    expect(emoji.results).toHaveLength(0);
    expect(emoji.error).toMatch(/valid encoding of “💩”.*emoji/);
  });

  it("answers pasted names outside a TLD's tables at once, with the reason", async () => {
    const { reseller, ctx } = await setup();
    const rows: BulkRow[] = [];
    await bulkSearch(ctx, { resellerId: reseller.id, text: "пример.org\nпример.com" }, (b) => rows.push(...b));
    expect(rows.find((r) => r.input === "пример.org")).toMatchObject({
      availability: "unavailable",
      reason: expect.stringMatching(/not in its Latin script/),
    });
    expect(rows.find((r) => r.input === "пример.com")).toMatchObject({ availability: "available" });
  });
});

describe("checkout before payment", () => {
  it("refuses a cart item whose label the TLD's IDN tables do not take, in words", async () => {
    const { reseller, ctx } = await setup();
    const lines = await prepareCheckout(ctx, {
      resellerId: reseller.id,
      items: [
        { name: "xn--e1afmkfd.co", kind: "register", years: 1, privacy: false },
        { name: "xn--e1afmkfd.com", kind: "register", years: 1, privacy: false },
      ],
    });
    expect(lines[0]).toMatchObject({
      unicodeName: "пример.co",
      problem: "“пример” cannot be registered in .co: “п” (U+043F) is not in its Latin script.",
    });
    expect(lines[1].problem).toBeUndefined();
    expect(lines[1]).toMatchObject({ name: "xn--e1afmkfd.com", unicodeName: "пример.com" });
  });
});

describe("suggestions for an international name", () => {
  it("builds them from the U-label and keeps only what the TLDs' IDN tables take", async () => {
    const { reseller, ctx } = await setup();
    const { suggestNames } = await import("@/server/domains/search/suggest-names");
    const suggestions = await suggestNames(ctx, { resellerId: reseller.id, label: "bücher" });
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.map((s) => s.unicodeName)).toContain("getbücher.com");
    // A-label from Python's idna package.
    expect(suggestions.find((s) => s.unicodeName === "getbücher.com")?.name).toBe("xn--getbcher-95a.com");
    expect(suggestions.every((s) => !/xn--.*xn--|getxn--/.test(s.name))).toBe(true);
  });
});
