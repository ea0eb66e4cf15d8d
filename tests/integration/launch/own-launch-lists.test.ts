/**
 * The storefront's own launch lists (landrush applications, pre-orders): a registrant sees only their
 * own items of that kind on their storefront, newest first, priced in the order's currency, with what
 * the item's details say; anyone but a registrant is refused.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { OrderItemKind } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { listLandrushApplications } from "@/server/launch/landrush/list-landrush-applications";
import { listPreorders } from "@/server/launch/preorder-orders/list-preorders";
import { createRegistrant, createReseller, createStaff, createTldProduct } from "../../support/factories";

const T0 = new Date("2026-07-01T12:00:00.000Z").getTime();

async function item(
  productId: string,
  owner: { resellerId: string; actorId: string },
  kind: OrderItemKind,
  subject: string,
  opts: { minutes: number; currency?: string; details?: object },
) {
  const order = await db.order.create({
    data: {
      resellerId: owner.resellerId,
      registrantId: owner.actorId,
      idempotencyKey: randomUUID(),
      channel: "storefront",
      currency: opts.currency ?? "USD",
      retailTotal: 9_900,
      wholesaleTotal: 6_600,
    },
  });
  await db.orderItem.create({
    data: {
      orderId: order.id,
      resellerId: owner.resellerId,
      kind,
      productId,
      subject,
      retailAmount: 9_900,
      wholesaleAmount: 6_600,
      registryCost: 6_000,
      state: "pending_registry",
      details: opts.details ?? {},
      createdAt: new Date(T0 + opts.minutes * 60_000),
    },
  });
}

const landrushDetails = (over: object = {}) => ({
  unicodeName: "x.forge",
  phaseFeeUsd: 4_400,
  maxBidUsd: 9_000,
  maxRetail: 9_900,
  authCodeEnc: "enc",
  applicationStatus: "pendingAllocation",
  ...over,
});

describe("a registrant's own launch lists", () => {
  it("list only the registrant's own items of the kind, newest first, with the order's currency and details", async () => {
    const forge = await createTldProduct("forge", 2_200);
    const shop = await createReseller({ slug: "acme" });
    const other = await createReseller({ slug: "nimbus" });
    const { ctx: me } = await createRegistrant(shop.id);
    const { ctx: neighbour } = await createRegistrant(shop.id);
    const { ctx: stranger } = await createRegistrant(other.id);

    await item(forge.id, me, "landrush_application", "old.forge", { minutes: 1, details: landrushDetails() });
    await item(forge.id, me, "landrush_application", "new.forge", {
      minutes: 2,
      currency: "EUR",
      details: landrushDetails({ clearingPriceUsd: 5_000, applicationStatus: "allocated" }),
    });
    await item(forge.id, me, "pre_registration", "early.forge", { minutes: 3 });
    await item(forge.id, me, "sunrise_application", "brand.forge", { minutes: 4 });
    await item(forge.id, neighbour, "landrush_application", "theirs.forge", { minutes: 5, details: landrushDetails() });
    await item(forge.id, stranger, "pre_registration", "far.forge", { minutes: 6 });

    const landrush = await listLandrushApplications(me);
    expect(landrush.map((a) => [a.subject, a.currency, a.maxRetail, a.applicationStatus, a.cleared])).toEqual([
      ["new.forge", "EUR", 9_900, "allocated", true],
      ["old.forge", "USD", 9_900, "pendingAllocation", false],
    ]);
    expect(await listLandrushApplications(me, { limit: 1 })).toHaveLength(1);

    const preorders = await listPreorders(me);
    expect(preorders.map((p) => [p.subject, p.currency, p.outcome])).toEqual([["early.forge", "USD", null]]);
    expect(await listPreorders(neighbour)).toEqual([]);
    expect((await listPreorders(stranger)).map((p) => p.subject)).toEqual(["far.forge"]);
  });

  it("refuse anyone but a registrant", async () => {
    const shop = await createReseller({ slug: "acme" });
    const staff = await createStaff(shop.id, "owner");
    await expect(listLandrushApplications(staff.ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listPreorders(staff.ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
