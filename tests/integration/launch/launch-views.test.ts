/**
 * The consoles' launch views (decision 122): the calendar per TLD with a reseller's phase prices, and
 * customers' marks and launch applications, each scoped like every console list: a reseller's staff
 * see their reseller only, registrar staff every reseller or the one they filter to, a registrant
 * none; keyset pages newest first.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { OrderItemKind, OrderItemState, TmchMarkState } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { getLaunchCalendar } from "@/server/launch/views/launch-calendar";
import { listLaunchApplications } from "@/server/launch/views/list-launch-applications";
import { listLaunchMarks } from "@/server/launch/views/list-launch-marks";
import {
  createRegistrant,
  createRegistrarStaff,
  createReseller,
  createStaff,
  createTier,
  createTldProduct,
  fundReseller,
} from "../../support/factories";

const DAY = 86_400_000;
const NOW = new Date("2026-07-01T12:00:00.000Z");

async function shop(slug: string, tierId: string) {
  const reseller = await createReseller({ slug });
  await fundReseller(reseller.id, tierId, 0, { markupKind: "percent", markupValue: 5_000, rounding: "none" });
  const staff = await createStaff(reseller.id, "support");
  const { registrant, ctx: registrantCtx } = await createRegistrant(reseller.id, { email: `buyer@${slug}.test` });
  return { reseller, staff, registrant, registrantCtx };
}

async function world() {
  const forge = await createTldProduct("forge", 2_200);
  const at = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();
  await db.product.update({
    where: { id: forge.id },
    data: {
      launchPhase: "landrush",
      details: {
        launch: {
          phases: [
            { phase: "claims", startsAt: at(10) },
            { phase: "sunrise", startsAt: at(-40), feeUsd: 6_600 },
            { phase: "landrush", startsAt: at(-10), feeUsd: 4_400 },
            { phase: "open", startsAt: at(100) },
          ],
        },
      },
    },
  });
  // A TLD long past its launch is not on the calendar.
  await createTldProduct("com", 1_000);
  const tier = await createTier("launch", { forge: 3_000, com: 1_200 });
  const a = await shop("acme", tier.id);
  const b = await shop("nimbus", tier.id);
  return { forge, a, b };
}

let seq = 0;
async function application(
  w: { forge: { id: string } },
  s: { reseller: { id: string }; registrant: { id: string } },
  opts: { kind?: OrderItemKind; state?: OrderItemState; name?: string; createdAt?: Date; details?: object } = {},
) {
  seq += 1;
  const createdAt = opts.createdAt ?? new Date(NOW.getTime() + seq * 1_000);
  const order = await db.order.create({
    data: {
      resellerId: s.reseller.id,
      registrantId: s.registrant.id,
      idempotencyKey: randomUUID(),
      channel: "storefront",
      currency: "USD",
      retailTotal: 9_900,
      wholesaleTotal: 6_600,
    },
  });
  return db.orderItem.create({
    data: {
      orderId: order.id,
      resellerId: s.reseller.id,
      kind: opts.kind ?? "sunrise_application",
      productId: w.forge.id,
      subject: opts.name ?? `name-${seq}.forge`,
      retailAmount: 9_900,
      wholesaleAmount: 6_600,
      registryCost: 6_000,
      state: opts.state ?? "pending_registry",
      details: opts.details ?? { applicationStatus: "pendingAllocation" },
      createdAt,
    },
  });
}

async function mark(s: { reseller: { id: string }; registrant: { id: string } }, name: string, state: TmchMarkState) {
  return db.tmchMark.create({
    data: {
      resellerId: s.reseller.id,
      registrantId: s.registrant.id,
      orderKey: randomUUID(),
      markName: name,
      markType: "trademark",
      submission: {},
      termYears: 1,
      state,
      labels: [name.toLowerCase()],
      expiresAt: state === "verified" ? new Date(NOW.getTime() + 365 * DAY) : null,
    },
  });
}

describe("launch views", () => {
  it("show a reseller's staff their own marks and applications, registrar staff every reseller's, a registrant nothing", async () => {
    const w = await world();
    await application(w, w.a, { name: "acme-brand.forge" });
    await application(w, w.a, {
      kind: "landrush_application",
      name: "acme-rush.forge",
      details: {
        unicodeName: "acme-rush.forge",
        phaseFeeUsd: 4_400,
        maxBidUsd: 8_000,
        maxRetail: 20_000,
        authCodeEnc: "x",
        applicationStatus: "pendingValidation",
      },
    });
    await application(w, w.b, {
      name: "nimbus-brand.forge",
      state: "completed",
      details: { applicationStatus: "allocated" },
    });
    await mark(w.a, "AcmeBrand", "verified");
    await mark(w.b, "NimbusBrand", "verifying");

    const own = await listLaunchApplications(w.a.staff.ctx);
    expect(own.rows.map((r) => r.name)).toEqual(["acme-rush.forge", "acme-brand.forge"]);
    expect(own.rows[0]).toMatchObject({
      kind: "landrush_application",
      customerEmail: "buyer@acme.test",
      applicationStatus: "pendingValidation",
      isMaximum: true,
      currency: "USD",
    });
    expect(own.rows[1]).toMatchObject({ kind: "sunrise_application", isMaximum: false, state: "pending_registry" });
    const ownMarks = await listLaunchMarks(w.a.staff.ctx);
    expect(ownMarks.rows.map((m) => [m.markName, m.state, m.customerEmail])).toEqual([
      ["AcmeBrand", "verified", "buyer@acme.test"],
    ]);

    // Naming another reseller is "not found", as for every tenant-owned list.
    await expect(listLaunchApplications(w.a.staff.ctx, { resellerId: w.b.reseller.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(listLaunchMarks(w.a.staff.ctx, { resellerId: w.b.reseller.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    for (const view of [listLaunchApplications, listLaunchMarks, getLaunchCalendar] as const)
      await expect(view(w.a.registrantCtx)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const auditor = await createRegistrarStaff("registrar_auditor");
    const all = await listLaunchApplications(auditor.ctx);
    expect(all.rows.map((r) => [r.name, r.resellerName])).toEqual([
      ["nimbus-brand.forge", "Nimbus Domains"],
      ["acme-rush.forge", "Acme Domains"],
      ["acme-brand.forge", "Acme Domains"],
    ]);
    expect((await listLaunchMarks(auditor.ctx)).rows.map((m) => m.markName).sort()).toEqual([
      "AcmeBrand",
      "NimbusBrand",
    ]);
    const filtered = await listLaunchApplications(auditor.ctx, { resellerId: w.b.reseller.id });
    expect(filtered.rows.map((r) => r.name)).toEqual(["nimbus-brand.forge"]);
  });

  it("pages applications and marks newest first without losing or repeating a row, ties included", async () => {
    const w = await world();
    const tie = new Date(NOW.getTime() + 500_000);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await application(w, w.a, { createdAt: i < 3 ? tie : undefined }));
    await application(w, w.b, { createdAt: tie });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listLaunchApplications(w.a.staff.ctx, { limit: 2, cursor });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.next ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    const newestFirst = [...made].sort(
      (x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (y.id < x.id ? -1 : y.id > x.id ? 1 : 0),
    );
    expect(seen).toEqual(newestFirst.map((m) => m.id));

    for (const n of ["One", "Two", "Three"]) await mark(w.a, n, "submitted");
    const first = await listLaunchMarks(w.a.staff.ctx, { limit: 2 });
    expect(first.rows).toHaveLength(2);
    const second = await listLaunchMarks(w.a.staff.ctx, { limit: 2, cursor: first.next ?? undefined });
    expect(second.next).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((m) => m.markName))).toEqual(new Set(["One", "Two", "Three"]));
  });

  it("puts each TLD in a launch on the calendar with its next phases and the reseller's phase prices", async () => {
    const w = await world();
    const calendar = await getLaunchCalendar(w.a.staff.ctx, {}, NOW);
    expect(calendar.currency).toBe("USD");
    expect(calendar.tlds.map((t) => t.tld)).toEqual(["forge"]);
    const [forge] = calendar.tlds;
    expect(forge.currentPhase).toBe("landrush");
    // 4,400 USD fee + 10 % premium rule = 4,840 wholesale, + 50 % markup = 7,260 retail.
    expect(forge.current).toMatchObject({ registryFeeUsd: 4_400, retail: 7_260 });
    expect(forge.current?.endsAt?.toISOString()).toBe(new Date(NOW.getTime() + 10 * DAY).toISOString());
    expect(forge.upcoming.map((p) => [p.phase, p.retail])).toEqual([
      ["claims", null],
      ["open", null],
    ]);

    // Across resellers there is no one retail price: the registry's fee only.
    const admin = await createRegistrarStaff("registrar_admin");
    const across = await getLaunchCalendar(admin.ctx, {}, NOW);
    expect(across.currency).toBeNull();
    expect(across.tlds[0].current).toMatchObject({ registryFeeUsd: 4_400, retail: null });

    // Once general availability opens and nothing is left to come, the launch is off the calendar.
    expect((await getLaunchCalendar(w.a.staff.ctx, {}, new Date(NOW.getTime() + 101 * DAY))).tlds).toEqual([]);
  });
});
