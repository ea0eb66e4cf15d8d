// Sunrise and landrush applications: a registrant applies only at their own store, and only with their own marks.
import { expect } from "vitest";
import { db } from "@/server/db";
import { applySunrise } from "@/server/launch/apply/apply-sunrise";
import { applyLandrush } from "@/server/launch/apply/apply-landrush";
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
];
