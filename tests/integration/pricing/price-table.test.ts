import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { listPriceTable, listRetailPrices } from "@/server/pricing/list-price-table";
import { createPromotion, setRetailOverride, updateMarkupRule } from "@/server/pricing/update-retail-rules";
import { quoteItem } from "@/server/pricing/quote-item";
import { createReseller, createStaff, createTier, createTldProduct, fundReseller } from "../../support/factories";

async function reseller() {
  await createTldProduct("co", 2_500);
  await createTldProduct("shop", 3_000);
  const tier = await createTier(
    "standard",
    { co: 3_000, shop: 3_600 },
    { currencies: ["USD", "EUR"], premiumPercentBps: 1_000 },
  );
  const r = await createReseller();
  await fundReseller(r.id, tier.id, 0, { markupKind: "percent", markupValue: 2_000, rounding: "cents99" });
  const { ctx } = await createStaff(r.id, "owner");
  return { r, ctx };
}

describe("retail prices", () => {
  it("warns about every retail price set below wholesale, in the console table", async () => {
    const { r, ctx } = await reseller();
    await setRetailOverride(ctx, { resellerId: r.id, productCode: "co", operation: "register", amount: 2_500 });
    const table = await listPriceTable(ctx, r.id);
    expect(table.warnings).toHaveLength(1);
    expect(table.warnings[0]).toMatchObject({
      code: "co",
      operation: "register",
      wholesale: 3_000,
      retail: 2_500,
      margin: -500,
      belowWholesale: true,
    });
    const fine = table.rows.find((x) => x.code === "co" && x.operation === "renew");
    expect(fine).toMatchObject({ retail: 3_699, margin: 699, belowWholesale: false, source: "markup" });
  });

  it("shows a dated promotion only while it runs, and the storefront sees retail only", async () => {
    const { r, ctx } = await reseller();
    const startsAt = new Date("2026-06-01T00:00:00Z");
    const endsAt = new Date("2026-10-01T00:00:00Z");
    await createPromotion(ctx, {
      resellerId: r.id,
      productCode: "co",
      operation: "register",
      amount: 1_500,
      label: ".co at 15.00 until 30 September",
      startsAt,
      endsAt,
    });
    const during = await listRetailPrices(r.id, new Date("2026-09-30T12:00:00Z"));
    const co = during.products.find((p) => p.code === "co");
    expect(co).toMatchObject({ register: 1_500, promotionLabel: ".co at 15.00 until 30 September" });
    expect(co).not.toHaveProperty("wholesale");
    const after = await listRetailPrices(r.id, new Date("2026-10-01T00:00:00Z"));
    expect(after.products.find((p) => p.code === "co")?.register).toBe(3_699);
  });

  it("prices a premium name from the registry fee with the tier's rule and the reseller's markup", async () => {
    const { r } = await reseller();
    const q = await quoteItem(db, r.id, { productCode: "shop", operation: "register", premiumFeeUsd: 100_000 });
    expect(q).toMatchObject({
      premium: true,
      wholesale: 110_000,
      retail: 132_099,
      registryCost: 100_000,
      source: "premium",
    });
  });

  it("changes storefront prices when the markup rule changes", async () => {
    const { r, ctx } = await reseller();
    await updateMarkupRule(ctx, { resellerId: r.id, markupKind: "fixed", markupValue: 500, rounding: "whole" });
    const prices = await listRetailPrices(r.id);
    expect(prices.products.find((p) => p.code === "co")?.renew).toBe(3_500);
    expect(await db.auditEntry.count({ where: { action: "pricing.markup.update" } })).toBe(1);
  });

  it("refuses price changes from support staff and from registrar staff", async () => {
    const { r } = await reseller();
    const support = await createStaff(r.id, "support");
    await expect(
      updateMarkupRule(support.ctx, { resellerId: r.id, markupKind: "percent", markupValue: 1, rounding: "none" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const registrar = { kind: "registrar" as const, actorId: "x", resellerId: null, role: "registrar_admin" as const };
    await expect(
      updateMarkupRule(registrar, { resellerId: r.id, markupKind: "percent", markupValue: 1, rounding: "none" }),
    ).rejects.toMatchObject({ code: "READ_ONLY" });
    expect(systemContext).toBeDefined();
  });
});
