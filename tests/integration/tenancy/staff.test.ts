import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { changeStaffRole } from "@/server/staff/change-staff-role";
import { removeStaff } from "@/server/staff/remove-staff";
import { listStaff } from "@/server/tenancy/list-staff";
import { createRegistrarStaff, createReseller, createStaff } from "../../support/factories";

describe("staff and roles", () => {
  it("changes a role, ends the member's sessions and records who did it", async () => {
    const reseller = await createReseller();
    const { ctx } = await createStaff(reseller.id, "admin");
    const support = await createStaff(reseller.id, "support");
    await changeStaffRole(ctx, { membershipId: support.membership.id, role: "billing" });
    expect((await db.membership.findUniqueOrThrow({ where: { id: support.membership.id } })).role).toBe("billing");
    expect((await db.user.findUniqueOrThrow({ where: { id: support.user.id } })).sessionVersion).toBe(1);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "staff.role.change" } });
    expect(audit).toMatchObject({
      actorId: ctx.actorId,
      resellerId: reseller.id,
      before: { role: "support" },
      after: { role: "billing" },
    });
  });

  it("refuses to demote or remove the last owner, and allows it once there is another", async () => {
    const reseller = await createReseller();
    const owner = await createStaff(reseller.id, "owner");
    await expect(
      changeStaffRole(owner.ctx, { membershipId: owner.membership.id, role: "admin" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/last owner/) });
    await expect(removeStaff(owner.ctx, { membershipId: owner.membership.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const second = await createStaff(reseller.id, "owner");
    await changeStaffRole(second.ctx, { membershipId: owner.membership.id, role: "admin" });
    expect((await db.membership.findUniqueOrThrow({ where: { id: owner.membership.id } })).role).toBe("admin");
  });

  it("keeps one owner when two owners demote each other at the same time", async () => {
    const reseller = await createReseller();
    const a = await createStaff(reseller.id, "owner");
    const b = await createStaff(reseller.id, "owner");
    const results = await Promise.allSettled([
      changeStaffRole(a.ctx, { membershipId: b.membership.id, role: "admin" }),
      changeStaffRole(b.ctx, { membershipId: a.membership.id, role: "admin" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { resellerId: reseller.id, role: "owner" } })).toBe(1);
  });

  it("lets only owners grant the owner role", async () => {
    const reseller = await createReseller();
    await createStaff(reseller.id, "owner");
    const admin = await createStaff(reseller.id, "admin");
    const support = await createStaff(reseller.id, "support");
    await expect(
      changeStaffRole(admin.ctx, { membershipId: support.membership.id, role: "owner" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      changeStaffRole(support.ctx, { membershipId: admin.membership.id, role: "support" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a registrar role inside a reseller", async () => {
    const reseller = await createReseller();
    const owner = await createStaff(reseller.id, "owner");
    const support = await createStaff(reseller.id, "support");
    await expect(
      changeStaffRole(owner.ctx, { membershipId: support.membership.id, role: "registrar_admin" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("removes a member and ends their sessions", async () => {
    const reseller = await createReseller();
    const owner = await createStaff(reseller.id, "owner");
    const billing = await createStaff(reseller.id, "billing");
    await removeStaff(owner.ctx, { membershipId: billing.membership.id });
    expect(await db.membership.count({ where: { id: billing.membership.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: billing.user.id } })).sessionVersion).toBe(1);
  });

  it("protects the last registrar admin and keeps auditors from changing registrar staff", async () => {
    const admin = await createRegistrarStaff("registrar_admin");
    const auditor = await createRegistrarStaff("registrar_auditor");
    await expect(
      changeStaffRole(admin.ctx, { membershipId: admin.membership.id, role: "registrar_auditor" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      changeStaffRole(auditor.ctx, { membershipId: auditor.membership.id, role: "registrar_admin" }),
    ).rejects.toMatchObject({ code: "READ_ONLY" });
    await changeStaffRole(admin.ctx, { membershipId: auditor.membership.id, role: "registrar_admin" });
    expect((await listStaff(admin.ctx, null)).members.every((m) => m.role === "registrar_admin")).toBe(true);
  });

  it("hides another reseller's staff and registrar staff from a reseller owner", async () => {
    const a = await createReseller();
    const b = await createReseller();
    const ownerA = await createStaff(a.id, "owner");
    const memberB = await createStaff(b.id, "support");
    const registrarAdmin = await createRegistrarStaff("registrar_admin");
    await expect(listStaff(ownerA.ctx, b.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listStaff(ownerA.ctx, null)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      changeStaffRole(ownerA.ctx, { membershipId: memberB.membership.id, role: "admin" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeStaff(ownerA.ctx, { membershipId: registrarAdmin.membership.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
