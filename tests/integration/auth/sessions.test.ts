import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { resolveSession } from "@/server/auth/resolve-session";
import { changeResellerStaffPassword, signOutResellerStaffEverywhere } from "@/app/(console)/(auth)/account/actions";
import { changeRegistrantPassword } from "@/app/(storefront)/[host]/account/actions";
import { testRequest } from "@/server/action-client";
import { createRegistrant, createRegistrarStaff, createReseller, createStaff } from "../../support/factories";

const CONSOLE = { area: "console" } as const;

describe("session validity", () => {
  it("resolves a reseller user's session with the role read from the database", async () => {
    const acme = await createReseller();
    const { user, membership } = await createStaff(acme.id, "support");
    const claims = { kind: "user" as const, sub: user.id, resellerId: acme.id, sv: 0 };
    expect((await resolveSession(claims, CONSOLE))?.ctx).toEqual({ kind: "user", actorId: user.id, resellerId: acme.id, role: "support" });
    await db.membership.update({ where: { id: membership.id }, data: { role: "admin" } });
    expect((await resolveSession(claims, CONSOLE))?.ctx.role).toBe("admin");
  });

  it("kills every session when the session version moves on", async () => {
    const acme = await createReseller();
    const { user } = await createStaff(acme.id, "owner");
    const claims = { kind: "user" as const, sub: user.id, resellerId: acme.id, sv: 0 };
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await resolveSession(claims, CONSOLE)).toBeNull();
  });

  it("refuses a session whose membership was removed or whose account was disabled", async () => {
    const acme = await createReseller();
    const a = await createStaff(acme.id, "owner");
    const b = await createStaff(acme.id, "admin");
    await db.membership.delete({ where: { id: a.membership.id } });
    await db.user.update({ where: { id: b.user.id }, data: { disabledAt: new Date() } });
    expect(await resolveSession({ kind: "user", sub: a.user.id, resellerId: acme.id, sv: 0 }, CONSOLE)).toBeNull();
    expect(await resolveSession({ kind: "user", sub: b.user.id, resellerId: acme.id, sv: 0 }, CONSOLE)).toBeNull();
  });

  it("refuses console sessions on storefront hosts and registrant sessions on the console", async () => {
    const acme = await createReseller();
    const staff = await createStaff(acme.id, "owner");
    const { registrant } = await createRegistrant(acme.id);
    const user = { kind: "user" as const, sub: staff.user.id, resellerId: acme.id, sv: 0 };
    const customer = { kind: "registrant" as const, sub: registrant.id, resellerId: acme.id, host: acme.host, sv: 0 };
    expect(await resolveSession(user, { area: "storefront", host: acme.host })).toBeNull();
    expect(await resolveSession(customer, CONSOLE)).toBeNull();
    expect((await resolveSession(customer, { area: "storefront", host: acme.host }))?.ctx.kind).toBe("registrant");
  });

  it("refuses an Acme registrant's session presented on Nimbus, even with a forged host claim", async () => {
    const acme = await createReseller({ slug: "acme" });
    const nimbus = await createReseller({ slug: "nimbus" });
    const { registrant } = await createRegistrant(acme.id);
    const claims = { kind: "registrant" as const, sub: registrant.id, resellerId: acme.id, host: acme.host, sv: 0 };
    expect(await resolveSession(claims, { area: "storefront", host: nimbus.host })).toBeNull();
    const forged = { ...claims, host: nimbus.host };
    expect(await resolveSession(forged, { area: "storefront", host: nimbus.host })).toBeNull();
    const forgedTenant = { ...claims, host: nimbus.host, resellerId: nimbus.id };
    expect(await resolveSession(forgedTenant, { area: "storefront", host: nimbus.host })).toBeNull();
  });

  it("treats a registrar staff session as the registrar, never as a reseller", async () => {
    const { user } = await createRegistrarStaff("registrar_auditor");
    const signedIn = await resolveSession({ kind: "user", sub: user.id, resellerId: null, sv: 0 }, CONSOLE);
    expect(signedIn?.ctx).toEqual({ kind: "registrar", actorId: user.id, resellerId: null, role: "registrar_auditor" });
  });

  it("ends other sessions on password change but keeps the current one", async () => {
    const acme = await createReseller();
    const staff = await createStaff(acme.id, "owner");
    const old = { kind: "user" as const, sub: staff.user.id, resellerId: acme.id, sv: 0 };
    const req = testRequest();
    const result = await changeResellerStaffPassword.run(staff.ctx, { currentPassword: staff.password, newPassword: "fresh-password-1", confirmPassword: "fresh-password-1" }, req);
    expect(result).toEqual({ ok: true, data: { changed: true } });
    expect(await resolveSession(old, CONSOLE)).toBeNull();
    expect(await resolveSession(req.sessions[0]!, CONSOLE)).not.toBeNull();
  });

  it("refuses a password change without the right current password", async () => {
    const acme = await createReseller();
    const { registrant, ctx } = await createRegistrant(acme.id);
    const result = await changeRegistrantPassword.run(ctx, { currentPassword: "wrong-one", newPassword: "fresh-password-1", confirmPassword: "fresh-password-1" });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fields: { currentPassword: "That is not your current password." } });
    expect((await db.registrant.findUniqueOrThrow({ where: { id: registrant.id } })).sessionVersion).toBe(0);
  });

  it("signs out everywhere, this session included", async () => {
    const acme = await createReseller();
    const staff = await createStaff(acme.id, "billing");
    const req = testRequest();
    expect(await signOutResellerStaffEverywhere.run(staff.ctx, {}, req)).toMatchObject({ ok: true });
    expect(req.sessions).toEqual([null]);
    expect(await resolveSession({ kind: "user", sub: staff.user.id, resellerId: acme.id, sv: 0 }, CONSOLE)).toBeNull();
  });
});
