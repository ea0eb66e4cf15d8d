import { afterEach, describe, expect, it } from "vitest";
import { systemContext } from "@/server/context";
import { searchDomains } from "@/server/domains/search/search-domains";
import { suggestNames } from "@/server/domains/search/suggest-names";
import { bulkSearch, type BulkRow } from "@/server/domains/search/bulk-search";
import type { RegistryLogEntry } from "@/server/registry";
import {
  createDomainCatalog,
  createDomainReseller,
  startEppRegistry,
  startInProcessRegistry,
  type TestRegistry,
} from "../../../support/factories";

let reg: TestRegistry | undefined;
afterEach(async () => {
  await reg?.close();
  reg = undefined;
});

async function setup(opts: Parameters<typeof startInProcessRegistry>[0] = {}) {
  await createDomainCatalog();
  const reseller = await createDomainReseller({ wholesale: 1_000, markupPercentBps: 5_000 });
  const log: RegistryLogEntry[] = [];
  reg = startInProcessRegistry({ ...opts, logger: (e) => log.push(e) });
  return { reseller, log, ctx: systemContext(reseller.id) };
}

describe("domain search", () => {
  it("checks one label across every extension with one check command per registry", async () => {
    const { reseller, log, ctx } = await setup();
    const res = await searchDomains(ctx, { resellerId: reseller.id, query: "Kestrelwing" });
    expect(res.results.map((r) => r.tld)).toEqual(["com", "net", "org", "io", "co", "app", "shop", "bloom", "vista"]);
    const checks = log.filter((e) => e.operation === "checkDomains");
    // Seven operators serve the nine TLDs (.com/.net and .bloom/.vista share theirs): seven checks.
    expect(checks).toHaveLength(7);
    expect(new Set(checks.map((c) => c.clTRID)).size).toBe(7);
    const com = res.results.find((r) => r.tld === "com");
    expect(com).toMatchObject({ availability: "available", price: { currency: "USD", register: 1_500, renew: 1_500 } });
  });

  it("shows taken, reserved, premium, launch-phase and per-TLD invalid names with reasons", async () => {
    const { reseller, ctx } = await setup();
    await reg?.rival.createDomain({ name: "taken-one.com", authInfo: "Rival-Auth-123!" });
    const taken = await searchDomains(ctx, { resellerId: reseller.id, query: "taken-one.com" });
    expect(taken.results[0]).toMatchObject({ name: "taken-one.com", availability: "taken" });
    expect(taken.results[0].price).toBeUndefined();

    const reserved = await searchDomains(ctx, { resellerId: reseller.id, query: "nic" });
    expect(reserved.results.find((r) => r.tld === "com")?.availability).toBe("reserved");

    const premium = await searchDomains(ctx, { resellerId: reseller.id, query: "coffee.shop" });
    const shop = premium.results[0];
    expect(shop).toMatchObject({ tld: "shop", availability: "available", premium: true, premiumFeeUsd: 25_000 });
    expect(shop.price?.register).toBeGreaterThan(25_000);

    const short = await searchDomains(ctx, { resellerId: reseller.id, query: "x" });
    expect(short.results.find((r) => r.tld === "io")?.availability).toBe("unavailable");
    expect(short.results.find((r) => r.tld === "io")?.reason).toMatch(/2|short|length/i);
    expect(short.results.find((r) => r.tld === "com")?.availability).toBe("available");

    expect(premium.results.find((r) => r.tld === "bloom")).toMatchObject({
      availability: "not_open",
      phase: "sunrise",
    });
    expect(premium.results.find((r) => r.tld === "vista")).toMatchObject({
      availability: "available",
      phase: "claims",
    });
  });

  it("answers input that cannot be a name with the rule it broke", async () => {
    const { reseller, ctx } = await setup();
    const res = await searchDomains(ctx, { resellerId: reseller.id, query: "-bad-" });
    expect(res.results).toHaveLength(0);
    expect(res.error).toMatch(/cannot start with a hyphen/);
  });

  it("stores IDNs as A-labels and shows them as typed", async () => {
    const { reseller, ctx } = await setup();
    const res = await searchDomains(ctx, { resellerId: reseller.id, query: "bücher.com" });
    expect(res.results[0]).toMatchObject({
      name: "xn--bcher-kva.com",
      unicodeName: "bücher.com",
      availability: "available",
    });
    // .org takes Latin IDNs; the registry's answer decides per TLD.
    expect(res.results.find((r) => r.tld === "org")?.name).toBe("xn--bcher-kva.org");
  });

  it("marks a failing registry's extensions as could-not-check without failing the search", async () => {
    const { reseller, ctx } = await setup({ faults: { io: { commandFailed: 1 } } });
    const res = await searchDomains(ctx, { resellerId: reseller.id, query: "io-fails-here" });
    expect(res.results.find((r) => r.tld === "io")).toMatchObject({ availability: "unknown" });
    expect(res.results.find((r) => r.tld === "com")).toMatchObject({ availability: "available" });
  });

  it("does not wait for a slow registry beyond its deadline", async () => {
    const { reseller, ctx } = await setup({ faults: { co: { latencyMs: 5_000 } } });
    const { env } = await import("@/env");
    const before = env().REGISTRY_SEARCH_TIMEOUT_MS;
    Object.assign(env(), { REGISTRY_SEARCH_TIMEOUT_MS: 200 });
    try {
      const started = Date.now();
      const res = await searchDomains(ctx, { resellerId: reseller.id, query: "slowpoke" });
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(res.results.find((r) => r.tld === "co")?.availability).toBe("unknown");
      expect(res.results.find((r) => r.tld === "net")?.availability).toBe("available");
    } finally {
      Object.assign(env(), { REGISTRY_SEARCH_TIMEOUT_MS: before });
    }
  });

  it("suggests available alternatives for a taken name", async () => {
    const { reseller, ctx } = await setup();
    await reg?.rival.createDomain({ name: "getkestrel.com", authInfo: "Rival-Auth-123!" });
    const suggestions = await suggestNames(ctx, { resellerId: reseller.id, label: "kestrel" });
    expect(suggestions.length).toBeGreaterThan(3);
    expect(suggestions.every((s) => s.availability === "available")).toBe(true);
    expect(suggestions.map((s) => s.name)).not.toContain("getkestrel.com");
  });

  it("refuses to search for a suspended reseller", async () => {
    const { reseller, ctx } = await setup();
    const { db } = await import("@/server/db");
    await db.reseller.update({ where: { id: reseller.id }, data: { status: "suspended" } });
    await expect(searchDomains(ctx, { resellerId: reseller.id, query: "anything" })).rejects.toMatchObject({
      code: "RESELLER_SUSPENDED",
    });
  });
});

describe("bulk search", () => {
  it("refuses a suspended reseller on the next check, even with its prices cached", async () => {
    const { reseller, ctx } = await setup();
    const { db } = await import("@/server/db");
    const rows: BulkRow[] = [];
    await bulkSearch(ctx, { resellerId: reseller.id, text: "warm.com" }, (b) => rows.push(...b));
    expect(rows).toHaveLength(1);
    await db.reseller.update({ where: { id: reseller.id }, data: { status: "suspended" } });
    await expect(bulkSearch(ctx, { resellerId: reseller.id, text: "cold.com" }, () => {})).rejects.toMatchObject({
      code: "RESELLER_SUSPENDED",
    });
  });

  it("answers 500 pasted names in batches as registries answer, invalid lines first", async () => {
    const { reseller, log, ctx } = await setup();
    const names = Array.from({ length: 498 }, (_, i) => `bulk-${i}.${["com", "net", "org", "io"][i % 4]}`);
    const batches: BulkRow[][] = [];
    const total = await bulkSearch(
      ctx,
      { resellerId: reseller.id, text: [...names, "-bad", "bare-label"].join("\n") },
      (rows) => batches.push(rows),
    );
    expect(total).toBe(500);
    const rows = batches.flat();
    expect(rows).toHaveLength(500);
    expect(batches[0][0]).toMatchObject({ input: "-bad", availability: "invalid" });
    expect(rows.find((r) => r.input === "bare-label")?.name).toBe("bare-label.com");
    // Chunks of at most 50 names per check command.
    const checks = log.filter((e) => e.operation === "checkDomains");
    expect(checks.length).toBeGreaterThanOrEqual(10);
    expect(batches.length).toBeGreaterThan(2);
  });

  it("refuses more than 500 names", async () => {
    const { reseller, ctx } = await setup();
    const text = Array.from({ length: 501 }, (_, i) => `n${i}.com`).join(" ");
    await expect(bulkSearch(ctx, { resellerId: reseller.id, text }, () => {})).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});

describe("search over EPP", () => {
  it("checks across registries over the real EPP server", async () => {
    await createDomainCatalog();
    const reseller = await createDomainReseller();
    reg = await startEppRegistry();
    const res = await searchDomains(systemContext(reseller.id), { resellerId: reseller.id, query: "wireline" });
    expect(res.results).toHaveLength(9);
    expect(res.results.filter((r) => r.availability === "available").length).toBeGreaterThanOrEqual(8);
  });
});
