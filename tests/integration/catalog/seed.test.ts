import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seed as seedTenancy } from "../../../prisma/seed/tenancy";
import { seed as seedCatalog } from "../../../prisma/seed/catalog";
import { listRetailPrices } from "@/server/pricing/list-price-table";
import { readBalance } from "@/server/billing/get-balance";
import { verifyLedger } from "@/server/billing/verify-ledger";

describe("catalog seed", () => {
  it("gives Acme and Nimbus different tiers, different storefront prices and an opening balance, and is idempotent", async () => {
    await seedTenancy(db);
    await seedCatalog(db);
    await seedCatalog(db);
    const acme = await db.reseller.findUniqueOrThrow({ where: { slug: "acme" } });
    const nimbus = await db.reseller.findUniqueOrThrow({ where: { slug: "nimbus" } });
    const [a, n] = await Promise.all([listRetailPrices(acme.id), listRetailPrices(nimbus.id)]);
    const com = (l: typeof a) => l.products.find((p) => p.code === "com")?.register;
    expect(com(a)).toBeDefined();
    expect(com(a)).not.toBe(com(n));
    expect(a.products.map((p) => p.code)).toEqual(
      expect.arrayContaining(["com", "net", "org", "io", "co", "app", "shop", "bloom", "forge", "vista", "nova"]),
    );
    // Certificates are on sale (decision 097).
    expect(a.products.filter((p) => p.kind === "ssl").map((p) => p.code)).toEqual(
      expect.arrayContaining(["ssl-dv-single", "ssl-dv-wildcard", "ssl-dv-multi", "ssl-ov-single", "ssl-ev-single"]),
    );
    // Trademark Clearinghouse marks are on sale too (decision 098).
    expect(a.products.filter((p) => p.kind === "tmch").map((p) => p.code)).toEqual(["tmch-mark"]);
    expect((await readBalance(db, acme.id)).available).toBe(2_000_00);
    expect((await readBalance(db, nimbus.id)).available).toBe(2_000_00);
    expect(await db.wholesaleTier.count()).toBe(2);
    expect((await verifyLedger(db)).ok).toBe(true);
  }, 120_000); // the whole demo seed, twice: tenancy, catalog and names fulfilled through the engine
});
