import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ActorContext } from "@/server/context";
import { getParkedItem } from "@/server/fulfilment/parked/get-parked-item";
import { listParkedItems } from "@/server/fulfilment/parked/list-parked-items";
import { resolveParkedItem } from "@/server/fulfilment/parked/resolve-parked-item";
import { retryParkedItem } from "@/server/fulfilment/parked/retry-parked-item";
import { resolveParkedAction, retryParkedAction } from "@/app/(console)/console/needs-attention/actions";
import { resolveParkedAsRegistrar, retryParkedAsRegistrar } from "@/app/(registrar)/registrar/needs-attention/actions";
import { createRegistrant, createRegistrarStaff, createReseller, createStaff } from "../../support/factories";
import { createParkedItem, footprint, PARKED_ATTEMPTS } from "./parked-fixture";

async function refusal(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return "allowed";
}

async function twoResellers() {
  const alpha = await createReseller({ slug: "alpha" });
  const bravo = await createReseller({ slug: "bravo" });
  return {
    alpha: { reseller: alpha, owner: await createStaff(alpha.id, "owner"), parked: await createParkedItem(alpha.id) },
    bravo: { reseller: bravo, owner: await createStaff(bravo.id, "owner"), parked: await createParkedItem(bravo.id) },
  };
}

const decide = (ctx: ActorContext, itemId: string) => [
  () => retryParkedItem(ctx, itemId, { note: "try" }),
  () => resolveParkedItem(ctx, itemId, { outcome: "done", note: "done it" }),
  () => resolveParkedItem(ctx, itemId, { outcome: "failed", note: "failed it" }),
];

describe("who sees and decides parked items", () => {
  it("shows a reseller only its own parked items, with the evidence", async () => {
    const { alpha, bravo } = await twoResellers();
    const list = await listParkedItems(alpha.owner.ctx);
    expect(list.items.map((i) => i.id)).toEqual([alpha.parked.item.id]);
    // Asking for another reseller's list is not a way in.
    expect(await refusal(() => listParkedItems(alpha.owner.ctx, { resellerId: bravo.reseller.id }))).toBe("NOT_FOUND");

    const own = await getParkedItem(alpha.owner.ctx, alpha.parked.item.id);
    expect(own.run?.parkedReason).toBe(alpha.parked.parkedReason);
    expect(own.attempts).toHaveLength(PARKED_ATTEMPTS);
    expect(own.operations.map((o) => o.operation)).toEqual(["createDomain"]);
    expect(own.operations[0].answer).toMatch(/may or may not have reached the registry/);
  });

  it("refuses another reseller's owner every read and decision, and changes nothing", async () => {
    const { alpha, bravo } = await twoResellers();
    const before = await footprint(bravo.parked);
    expect(await refusal(() => getParkedItem(alpha.owner.ctx, bravo.parked.item.id))).toBe("NOT_FOUND");
    for (const call of decide(alpha.owner.ctx, bravo.parked.item.id)) expect(await refusal(call)).toBe("NOT_FOUND");
    const id = bravo.parked.item.id;
    expect(await retryParkedAction.run(alpha.owner.ctx, { itemId: id, note: "" })).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await resolveParkedAction.run(alpha.owner.ctx, { itemId: id, outcome: "failed", note: "refund it" }),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await footprint(bravo.parked)).toBe(before);
  });

  it("lets a registrar auditor read every reseller's parked items but decide nothing", async () => {
    const { alpha, bravo } = await twoResellers();
    const auditor = await createRegistrarStaff("registrar_auditor");
    const before = await footprint(bravo.parked);
    const all = await listParkedItems(auditor.ctx);
    expect(all.items.map((i) => i.id).sort()).toEqual([alpha.parked.item.id, bravo.parked.item.id].sort());
    expect((await listParkedItems(auditor.ctx, { resellerId: bravo.reseller.id })).items).toHaveLength(1);
    expect((await getParkedItem(auditor.ctx, bravo.parked.item.id)).item.state).toBe("parked");

    for (const call of decide(auditor.ctx, bravo.parked.item.id)) expect(await refusal(call)).toBe("READ_ONLY");
    const id = bravo.parked.item.id;
    expect(await retryParkedAsRegistrar.run(auditor.ctx, { itemId: id, note: "" })).toMatchObject({
      code: "READ_ONLY",
    });
    expect(
      await resolveParkedAsRegistrar.run(auditor.ctx, { itemId: id, outcome: "done", note: "done it" }),
    ).toMatchObject({
      code: "READ_ONLY",
    });
    expect(await footprint(bravo.parked)).toBe(before);
  });

  it("lets the reseller's support staff read but not decide, and keeps registrants out", async () => {
    const { alpha } = await twoResellers();
    const support = await createStaff(alpha.reseller.id, "support");
    const customer = await createRegistrant(alpha.reseller.id);
    const before = await footprint(alpha.parked);
    expect((await getParkedItem(support.ctx, alpha.parked.item.id)).item.id).toBe(alpha.parked.item.id);
    for (const call of decide(support.ctx, alpha.parked.item.id)) expect(await refusal(call)).toBe("FORBIDDEN");
    expect(
      await resolveParkedAction.run(support.ctx, { itemId: alpha.parked.item.id, outcome: "done", note: "done it" }),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(() => getParkedItem(customer.ctx, alpha.parked.item.id))).toBe("FORBIDDEN");
    expect(await refusal(() => listParkedItems(customer.ctx))).toBe("FORBIDDEN");
    expect(await footprint(alpha.parked)).toBe(before);
  });

  it("lets a registrar admin and the reseller's own admin decide", async () => {
    const { alpha, bravo } = await twoResellers();
    const registrar = await createRegistrarStaff("registrar_admin");
    const admin = await createStaff(alpha.reseller.id, "admin");
    expect(await retryParkedAsRegistrar.run(registrar.ctx, { itemId: bravo.parked.item.id, note: "" })).toMatchObject({
      ok: true,
    });
    expect(await retryParkedAction.run(admin.ctx, { itemId: alpha.parked.item.id, note: "" })).toMatchObject({
      ok: true,
    });
    const states = await db.orderItem.findMany({
      where: { id: { in: [alpha.parked.item.id, bravo.parked.item.id] } },
      select: { state: true },
    });
    expect(states.map((s) => s.state)).toEqual(["provisioning", "provisioning"]);
  });
});
