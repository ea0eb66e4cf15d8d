import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { suspendReseller } from "@/server/tenancy/suspend-reseller";
import { reactivateReseller } from "@/server/tenancy/reactivate-reseller";
import { listResellers } from "@/server/tenancy/list-resellers";
import { getResellerOrThrow } from "@/server/tenancy/get-reseller-or-throw";
import { updateBranding } from "@/server/tenancy/update-branding";
import { getBranding } from "@/server/tenancy/get-branding";
import { createRegistrarStaff, createReseller, createStaff } from "../../support/factories";

describe("resellers", () => {
  it("suspends with a reason, mails the owners, and reactivates", async () => {
    const { ctx } = await createRegistrarStaff("registrar_admin");
    const reseller = await createReseller();
    const owner = await createStaff(reseller.id, "owner");
    const suspended = await suspendReseller(ctx, { resellerId: reseller.id, reason: "Unpaid invoices since March." });
    expect(suspended).toMatchObject({ status: "suspended", suspendReason: "Unpaid invoices since March." });
    const mail = await db.outboxMail.findFirstOrThrow({ where: { kind: "reseller.suspended" } });
    expect(mail).toMatchObject({ toAddress: owner.user.email, resellerId: reseller.id });
    const active = await reactivateReseller(ctx, { resellerId: reseller.id });
    expect(active).toMatchObject({ status: "active", suspendReason: null });
    const history = await db.auditEntry.findMany({
      where: { entity: "reseller", entityId: reseller.id },
      orderBy: { seq: "asc" },
    });
    expect(history.map((h) => h.action)).toEqual(["reseller.suspend", "reseller.reactivate"]);
  });

  it("refuses a suspended reseller's owner when they change branding", async () => {
    const { ctx: admin } = await createRegistrarStaff("registrar_admin");
    const reseller = await createReseller();
    const { ctx } = await createStaff(reseller.id, "owner");
    await suspendReseller(admin, { resellerId: reseller.id, reason: "Compliance review." });
    const branding = await getBranding(ctx, reseller.id);
    await expect(updateBranding(ctx, { ...branding, resellerId: reseller.id, tagline: "New" })).rejects.toMatchObject({
      code: "RESELLER_SUSPENDED",
    });
  });

  it("does not let an auditor suspend a reseller", async () => {
    const { ctx } = await createRegistrarStaff("registrar_auditor");
    const reseller = await createReseller();
    await expect(suspendReseller(ctx, { resellerId: reseller.id, reason: "Auditors cannot." })).rejects.toMatchObject({
      code: "READ_ONLY",
    });
  });

  it("does not let a reseller owner suspend their own or another reseller", async () => {
    const reseller = await createReseller();
    const { ctx } = await createStaff(reseller.id, "owner");
    await expect(
      suspendReseller(ctx, { resellerId: reseller.id, reason: "Not allowed at all." }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("filters the list by status and finds resellers by name or host", async () => {
    const { ctx } = await createRegistrarStaff("registrar_auditor");
    const acme = await createReseller({ slug: "acme" });
    await createReseller({ slug: "nimbus", status: "suspended" });
    expect((await listResellers(ctx, { status: "suspended" })).items.map((r) => r.slug)).toEqual(["nimbus"]);
    expect((await listResellers(ctx, { search: "acme dom" })).items.map((r) => r.id)).toEqual([acme.id]);
    expect((await listResellers(ctx, { search: "nimbus.localhost" })).items.map((r) => r.slug)).toEqual(["nimbus"]);
    expect((await listResellers(ctx, { pageSize: 1, page: 2 })).items).toHaveLength(1);
  });

  it("hides one reseller from another reseller's staff", async () => {
    const a = await createReseller();
    const b = await createReseller();
    const { ctx } = await createStaff(a.id, "owner");
    await expect(getResellerOrThrow(ctx, b.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listResellers(ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getResellerOrThrow(ctx, a.id)).id).toBe(a.id);
  });
});
