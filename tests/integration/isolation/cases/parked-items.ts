// Deciding a parked order item from the reseller console: reseller A's owner can neither retry nor
// resolve (and so neither charge nor refund) reseller B's item, and nothing about it changes.
import { expect } from "vitest";
import { resolveParkedAction, retryParkedAction } from "@/app/(console)/console/needs-attention/actions";
import { createParkedItem, footprint } from "../../fulfilment/parked-fixture";
import { isolationCase, type TwoTenants } from "../harness";

async function parkedOfB({ b }: TwoTenants) {
  const parked = await createParkedItem(b.reseller.id);
  return { parked, before: await footprint(parked) };
}

export const cases = [
  isolationCase({
    name: "reseller A's owner cannot retry reseller B's parked order item",
    setup: parkedOfB,
    attack: ({ a }, s) => retryParkedAction.run(a.owner.ctx, { itemId: s.parked.item.id, note: "" }),
    unchanged: async (_t, s) => expect(await footprint(s.parked)).toBe(s.before),
    control: ({ b }, s) => retryParkedAction.run(b.owner.ctx, { itemId: s.parked.item.id, note: "" }),
  }),
  ...(["done", "failed"] as const).map((outcome) =>
    isolationCase({
      name: `reseller A's owner cannot resolve reseller B's parked order item as ${outcome}`,
      setup: parkedOfB,
      attack: ({ a }, s) =>
        resolveParkedAction.run(a.owner.ctx, { itemId: s.parked.item.id, outcome, note: "checked the registry" }),
      unchanged: async (_t, s) => expect(await footprint(s.parked)).toBe(s.before),
      control: ({ b }, s) =>
        resolveParkedAction.run(b.owner.ctx, { itemId: s.parked.item.id, outcome, note: "checked the registry" }),
    }),
  ),
];
