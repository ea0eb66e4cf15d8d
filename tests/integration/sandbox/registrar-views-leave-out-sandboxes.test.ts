/**
 * The registrar console's views across resellers (reseller list and counts, balances, orders, names)
 * and the data escrow deposit leave out the API sandboxes' shadow resellers (decisions 100 and 108), while each reseller's own
 * views are untouched: the live reseller still sees its own orders and names.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { sandboxResellerOf } from "@/server/sandbox/sandbox-tenant";
import { listResellers } from "@/server/tenancy/list-resellers";
import { listResellerBalances } from "@/server/billing/update-billing-settings";
import { listOrders } from "@/server/domains/queries/list-orders";
import { listDomains } from "@/server/domains/queries/list-domains";
import { depositDomainIds } from "@/server/escrow/collect-deposit-rows";
import { createDomainReseller, createRegistrarStaff } from "../../support/factories";

async function orderAndName(resellerId: string, name: string) {
  await db.order.create({
    data: { resellerId, idempotencyKey: `k-${name}`, currency: "USD", retailTotal: 1_800, wholesaleTotal: 1_500 },
  });
  await db.domain.create({
    data: { resellerId, name, unicodeName: name, tld: name.split(".").slice(1).join("."), state: "active" },
  });
}

describe("registrar views without sandbox resellers", () => {
  it("neither lists, counts nor totals a reseller's sandbox, its orders or its names", async () => {
    const live = await createDomainReseller({ slug: "shop", balance: 50_000 });
    const shadow = await sandboxResellerOf(live.id);
    await orderAndName(live.id, "real-shop.com");
    await orderAndName(shadow, "test-shop.com");
    const { ctx } = await createRegistrarStaff("registrar_admin");

    const resellers = await listResellers(ctx, { status: "active" });
    expect(resellers.items.map((r) => r.id)).toEqual([live.id]);
    expect(resellers.total).toBe(1);
    expect((await listResellers(ctx, { search: "shop" })).items.map((r) => r.id)).toEqual([live.id]);

    const balances = await listResellerBalances(ctx);
    expect(balances.map((b) => b.id)).toEqual([live.id]);
    expect(balances.reduce((sum, b) => sum + b.available, 0)).toBe(50_000);

    expect((await listOrders(ctx, {})).map((o) => o.resellerId)).toEqual([live.id]);
    expect((await listDomains(ctx, { sort: "name" })).rows.map((d) => d.name)).toEqual(["real-shop.com"]);
    // Nor does the registrar's data escrow deposit a name no registry holds for us.
    const realId = (await db.domain.findUniqueOrThrow({ where: { name: "real-shop.com" } })).id;
    expect(await depositDomainIds(db, null)).toEqual([realId]);

    // Asked about the shadow by id, the registrar still sees it: it is left out of totals, not hidden.
    expect((await listDomains(ctx, { resellerId: shadow, sort: "name" })).rows.map((d) => d.name)).toEqual([
      "test-shop.com",
    ]);
  });
});
