/**
 * The storefront's "Your domains" list (decision 130): a registrant sees only their own names on
 * their reseller, soonest expiry first, twenty-five a page, and the pages together hold every name
 * once, even where expiries tie across a page boundary; a cursor that does not parse is page one.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { listOwnDomains, OWN_DOMAINS_PAGE } from "@/server/domains/queries/list-own-domains";
import { createRegistrant, createReseller } from "../../support/factories";

describe("a registrant's own domain list", () => {
  it("pages through the registrant's names only, in expiry order, each name once", async () => {
    const reseller = await createReseller();
    const other = await createReseller();
    const { registrant, ctx } = await createRegistrant(reseller.id);
    const neighbour = await createRegistrant(reseller.id);
    const elsewhere = await createRegistrant(other.id);
    const day = 86_400_000;
    const base = Date.UTC(2030, 0, 1);
    // 31 names: expiries tie in threes, so a page boundary falls inside a tie; one has no expiry yet.
    const mine = Array.from({ length: 31 }, (_, i) => ({
      resellerId: reseller.id,
      registrantId: registrant.id,
      name: `mine-${String(i).padStart(2, "0")}.com`,
      unicodeName: `mine-${String(i).padStart(2, "0")}.com`,
      tld: "com",
      state: "active" as const,
      expiresAt: new Date(base + Math.floor((30 - i) / 3) * day),
      autoRenew: i % 2 === 0,
    }));
    await db.domain.createMany({
      data: [
        ...mine,
        { ...mine[0], name: "pending.com", unicodeName: "pending.com", state: "pending_create", expiresAt: null },
        { ...mine[0], registrantId: neighbour.registrant.id, name: "neighbour.com", unicodeName: "neighbour.com" },
        {
          ...mine[0],
          resellerId: other.id,
          registrantId: elsewhere.registrant.id,
          name: "far.com",
          unicodeName: "far.com",
        },
      ],
    });

    const first = await listOwnDomains(ctx, null);
    expect(first.rows).toHaveLength(OWN_DOMAINS_PAGE);
    expect(first.next).not.toBeNull();
    const second = await listOwnDomains(ctx, first.next);
    expect(second.next).toBeNull();

    const seen = [...first.rows, ...second.rows];
    expect(seen.map((d) => d.unicodeName).sort()).toEqual(mine.map((d) => d.name).sort());
    const expiries = seen.map((d) => d.expiresAt.getTime());
    expect(expiries).toEqual([...expiries].sort((a, b) => a - b));
    expect(expiries[0]).toBe(base);
    const row = seen.find((d) => d.unicodeName === "mine-30.com");
    expect(row).toMatchObject({ state: "active", autoRenew: true, expiresAt: new Date(base) });

    // A tampered or foreign cursor is the first page, never an error.
    for (const bad of ["not-a-cursor", Buffer.from('{"k":"yesterday","id":"x"}').toString("base64url")])
      expect((await listOwnDomains(ctx, bad)).rows.map((d) => d.id)).toEqual(first.rows.map((d) => d.id));
  });
});
