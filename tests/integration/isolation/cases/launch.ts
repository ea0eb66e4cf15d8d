// Sunrise and landrush applications: a registrant applies only at their own store, and only with their own
// marks and saved contacts.
import { expect } from "vitest";
import { db } from "@/server/db";
import { applySunrise } from "@/server/launch/apply/apply-sunrise";
import { applyLandrush } from "@/server/launch/apply/apply-landrush";
import { createTier, fundReseller, startInProcessRegistry } from "../../../support/factories";
import { createTldProduct } from "../../../support/factories/money";
import { CONTACT } from "../../domains/fulfilment/helpers";
import { isolationCase, type TwoTenants } from "../harness";

/** B's registrant holds a verified mark with an SMD, so only ownership can refuse its use. */
async function markOfB({ b }: TwoTenants) {
  return db.tmchMark.create({
    data: {
      resellerId: b.reseller.id,
      registrantId: b.customer.registrant.id,
      orderKey: "iso-mark",
      markName: "Bloom & Co",
      markType: "trademark",
      submission: {},
      termYears: 1,
      state: "verified",
      labels: ["bloomco"],
      smdId: "1-424242",
      smdFile: "-----BEGIN ENCODED SMD-----\nAAAA\n-----END ENCODED SMD-----",
    },
  });
}

const apply = (t: TwoTenants, resellerId: string, markId: string, key: string) =>
  applySunrise(t.a.customer.ctx, {
    resellerId,
    registrantId: t.a.customer.registrant.id,
    application: { name: "bloomco.bloom", markId },
    idempotencyKey: key,
    channel: "storefront",
    payment: "checkout",
  });

export const cases = [
  isolationCase({
    name: "A's registrant cannot apply in sunrise with a mark of B's registrant",
    setup: markOfB,
    attack: (t, mark) => apply(t, t.a.reseller.id, mark.id, "iso-sunrise-1"),
    // Refused as unknown before anything else is looked at; a mark of A's own gets as far as the SMD check.
    refusedWith: ["NOT_FOUND"],
    unchanged: async () => expect(await db.order.count()).toBe(0),
  }),
  isolationCase({
    name: "A's registrant cannot apply in sunrise at B's store",
    setup: markOfB,
    attack: (t, mark) => apply(t, t.b.reseller.id, mark.id, "iso-sunrise-2"),
    unchanged: async () => expect(await db.order.count()).toBe(0),
  }),
  isolationCase({
    name: "A's registrant cannot apply in landrush at B's store",
    setup: async () => undefined,
    attack: (t) =>
      applyLandrush(t.a.customer.ctx, {
        resellerId: t.b.reseller.id,
        registrantId: t.a.customer.registrant.id,
        application: { name: "anvil.forge", maxBid: "100.00" },
        idempotencyKey: "iso-landrush-1",
        channel: "storefront",
        payment: "checkout",
      }),
    unchanged: async () => expect(await db.order.count()).toBe(0),
  }),
  isolationCase({
    name: "A's registrant cannot name a contact saved by B's registrant in a landrush application",
    setup: async (t) => {
      // .forge is in landrush on the test registry's clock.
      await createTldProduct("forge", 2_200, { operator: "newgtld-sim" });
      startInProcessRegistry();
      const tier = await createTier("iso-forge", { forge: 2_500 });
      for (const r of [t.a.reseller, t.b.reseller]) await fundReseller(r.id, tier.id, 100_000);
      const contact = await db.contact.create({
        data: { resellerId: t.b.reseller.id, registrantId: t.b.customer.registrant.id, ...CONTACT },
      });
      return { contactId: contact.id };
    },
    attack: (t, s) =>
      applyLandrush(t.a.customer.ctx, {
        resellerId: t.a.reseller.id,
        registrantId: t.a.customer.registrant.id,
        application: { name: "anvil.forge", maxBid: "100.00", contactId: s.contactId },
        idempotencyKey: "iso-landrush-2",
        channel: "storefront",
        payment: "balance",
      }),
    control: (t, s) =>
      applyLandrush(t.b.customer.ctx, {
        resellerId: t.b.reseller.id,
        registrantId: t.b.customer.registrant.id,
        application: { name: "anvil.forge", maxBid: "100.00", contactId: s.contactId },
        idempotencyKey: "iso-landrush-3",
        channel: "storefront",
        payment: "balance",
      }),
    refusedWith: ["NOT_FOUND"],
    unchanged: async ({ a }) => expect(await db.order.count({ where: { resellerId: a.reseller.id } })).toBe(0),
  }),
];
