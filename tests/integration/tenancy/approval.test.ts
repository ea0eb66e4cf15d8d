import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { submitResellerApplication } from "@/server/tenancy/submit-reseller-application";
import { approveResellerApplication } from "@/server/onboarding/approve-reseller-application";
import { revokeInvitation } from "@/server/tenancy/revoke-invitation";
import { findStorefrontByHost } from "@/server/tenancy/find-storefront-by-host";
import { createRegistrarStaff, createReseller, createStaff, createTier } from "../../support/factories";
import { applicationInput } from "./fixtures";
import { receivedText } from "../../support/received-mail";

describe("approving a reseller application", () => {
  it("creates the reseller, its branding, its verified platform host and a mailed owner invitation", async () => {
    const { ctx } = await createRegistrarStaff("registrar_admin");
    const app = await submitResellerApplication(systemContext(), applicationInput());
    const { reseller, host } = await approveResellerApplication(ctx, { applicationId: app.id });
    expect(host).toBe("orbit.localhost:3000");
    expect(reseller).toMatchObject({ slug: "orbit", displayName: "Orbit Web Services", status: "active" });
    expect(await db.resellerBranding.findUnique({ where: { resellerId: reseller.id } })).toMatchObject({
      supportEmail: "olivia@orbit.test",
    });
    expect((await findStorefrontByHost(host))?.id).toBe(reseller.id);
    expect(await db.invitation.findFirst({ where: { resellerId: reseller.id } })).toMatchObject({
      email: "olivia@orbit.test",
      role: "owner",
    });
    const mail = await db.outboxMail.findFirstOrThrow({
      where: { kind: "invitation", toAddress: "olivia@orbit.test" },
    });
    expect(receivedText(mail)).toMatch(/\/invitation\/[A-Za-z0-9_-]+/);
    expect(mail.textBody).not.toMatch(/\/invitation\//);
    expect(await db.resellerApplication.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({
      status: "approved",
      resellerId: reseller.id,
    });
  });

  it("opens the new reseller's billing on the registrar's standard tier so it can sell at once", async () => {
    const { ctx } = await createRegistrarStaff("registrar_admin");
    const tier = await createTier("Standard", { com: 1_200 });
    const app = await submitResellerApplication(systemContext(), applicationInput());
    const { reseller } = await approveResellerApplication(ctx, { applicationId: app.id });
    expect(await db.resellerBilling.findUnique({ where: { resellerId: reseller.id } })).toMatchObject({
      tierId: tier.id,
    });
  });

  it("approves an application only once", async () => {
    const { ctx } = await createRegistrarStaff("registrar_admin");
    const app = await submitResellerApplication(systemContext(), applicationInput());
    await approveResellerApplication(ctx, { applicationId: app.id });
    await expect(approveResellerApplication(ctx, { applicationId: app.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.reseller.count()).toBe(1);
  });

  it("refuses approval when the slug was taken in the meantime, creating nothing", async () => {
    const { ctx } = await createRegistrarStaff("registrar_admin");
    const app = await submitResellerApplication(systemContext(), applicationInput());
    await createReseller({ slug: "orbit" });
    await expect(approveResellerApplication(ctx, { applicationId: app.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.invitation.count()).toBe(0);
  });

  it("does not let an auditor or a reseller owner approve", async () => {
    const app = await submitResellerApplication(systemContext(), applicationInput());
    const { ctx: auditor } = await createRegistrarStaff("registrar_auditor");
    await expect(approveResellerApplication(auditor, { applicationId: app.id })).rejects.toMatchObject({
      code: "READ_ONLY",
    });
    const other = await createReseller();
    const { ctx: owner } = await createStaff(other.id, "owner");
    await expect(approveResellerApplication(owner, { applicationId: app.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("lets the registrar withdraw the owner invitation so its link stops working", async () => {
    const { ctx } = await createRegistrarStaff("registrar_admin");
    const app = await submitResellerApplication(systemContext(), applicationInput());
    const { invitationId } = await approveResellerApplication(ctx, { applicationId: app.id });
    await revokeInvitation(ctx, { invitationId });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).revokedAt).not.toBeNull();
    await expect(revokeInvitation(ctx, { invitationId })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
